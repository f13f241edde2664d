using System.Globalization;
using Aro.Rp.Tests.Messaging;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// The broker a <see cref="DistributedRp"/>'s processes talk through, as environment variables: what the frontend and
/// backends get, and what the local cloud process gets.
/// </summary>
internal sealed class DistributedBroker : IAsyncDisposable
{
    private readonly RabbitMqVirtualHost? _virtualHost;

    private DistributedBroker(RpTransport transport, IReadOnlyDictionary<string, string> rpEnvironment, IReadOnlyDictionary<string, string> localCloudEnvironment, RabbitMqVirtualHost? virtualHost)
    {
        Transport = transport;
        RpEnvironment = rpEnvironment;
        LocalCloudEnvironment = localCloudEnvironment;
        _virtualHost = virtualHost;
    }

    public RpTransport Transport { get; }

    public IReadOnlyDictionary<string, string> RpEnvironment { get; }

    public IReadOnlyDictionary<string, string> LocalCloudEnvironment { get; }

    public static async Task<DistributedBroker> CreateAsync(RpTransport transport) => transport switch
    {
        RpTransport.RabbitMq => RabbitMq(await RabbitMqTestBroker.FromEnvironment().CreateVirtualHostAsync()),
        RpTransport.ServiceBus => LocalServiceBus(),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    public async ValueTask DisposeAsync()
    {
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }

    // A virtual host of its own on the test broker (test.sh starts it).
    private static DistributedBroker RabbitMq(RabbitMqVirtualHost virtualHost) => new(
        RpTransport.RabbitMq,
        // Configuration keys as environment variables: Messaging:Transport is Messaging__Transport.
        virtualHost.RpSettings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value),
        new Dictionary<string, string>(),
        virtualHost);

    // The Service Bus aro-rp local-cloud serves, on ports fixed here so the frontend and backends find it the way a
    // developer's do (ARO_LOCAL_CLOUD_SERVICEBUS_PORT / _ADMIN_PORT, no connection string); its messages live in the
    // local cloud's data directory, so a restarted local cloud keeps them.
    private static DistributedBroker LocalServiceBus()
    {
        var ports = new Dictionary<string, string>
        {
            ["ARO_LOCAL_CLOUD_SERVICEBUS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ARO_LOCAL_CLOUD_SERVICEBUS_ADMIN_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        return new(RpTransport.ServiceBus, new Dictionary<string, string>(ports) { ["ARO_TRANSPORT"] = "servicebus" }, ports, virtualHost: null);
    }
}
