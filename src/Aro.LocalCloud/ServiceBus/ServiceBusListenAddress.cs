using System.Net;

namespace Aro.LocalCloud.ServiceBus;

/// <summary>
/// Where the local Service Bus listens: where the local cloud itself does. Loopback for a developer's
/// <c>https://localhost:8444</c>; every interface for <c>https://0.0.0.0:8444</c> (a container other containers reach
/// by name, as docker-compose runs it); that address for any other IP.
/// </summary>
internal static class ServiceBusListenAddress
{
    public static IPAddress For(string? localCloudUrl)
    {
        if (!Uri.TryCreate(localCloudUrl?.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var url))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) ? address : IPAddress.Loopback;
    }
}
