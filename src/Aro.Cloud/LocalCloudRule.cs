using System.Net;
using Aro.Cloud.Identity;

namespace Aro.Cloud;

/// <summary>
/// The one rule deciding whether the RP talks to the local cloud emulator, and so may take its shortcuts (its static
/// token, creating the RP's DNS zone on demand, its self-signed certificate, its Kubernetes paths). Real Azure is the
/// default: the emulator must be identified positively, never inferred from "an endpoint is set".
/// </summary>
public static class LocalCloudRule
{
    /// <summary>
    /// True only when <paramref name="armEndpoint"/> is set, no Azure cloud is named, the endpoint is not a known Azure
    /// ARM host, and it is either on this machine (loopback: <c>localhost</c>, <c>*.localhost</c>, 127.0.0.0/8, ::1) or
    /// the configured local cloud's address (same host and port as <paramref name="localCloudEndpoint"/>).
    /// </summary>
    public static bool IsLocalCloud(Uri? armEndpoint, string? azureCloud, Uri? localCloudEndpoint)
    {
        if (armEndpoint is null || !string.IsNullOrWhiteSpace(azureCloud) || AzureClouds.IsArmHost(armEndpoint.Host))
        {
            return false;
        }

        if (IsLoopback(armEndpoint.Host))
        {
            return true;
        }

        return localCloudEndpoint is not null
            && string.Equals(localCloudEndpoint.Host, armEndpoint.Host, StringComparison.OrdinalIgnoreCase)
            && localCloudEndpoint.Port == armEndpoint.Port;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || LoopbackNames.IsLoopbackName(host)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
