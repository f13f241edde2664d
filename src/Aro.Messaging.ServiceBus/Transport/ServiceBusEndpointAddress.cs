namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Addresses on the namespace: sb://host/queue for a queue, sb://host/Namespace/Type?type=topic for a topic.
/// MassTransit's short forms (queue:name, topic:name, exchange:name) are resolved against the host.
/// </summary>
public sealed record ServiceBusEndpointAddress(Uri HostAddress, string EntityPath, bool IsTopic)
{
    private const string TopicQuery = "type=topic";

    public static Uri HostAddressOf(string fullyQualifiedNamespace) => new($"sb://{fullyQualifiedNamespace}/");

    public Uri ToUri() => new UriBuilder(HostAddress) { Path = EntityPath, Query = IsTopic ? TopicQuery : string.Empty }.Uri;

    public static Uri Queue(Uri hostAddress, string queue) => new ServiceBusEndpointAddress(hostAddress, queue, false).ToUri();

    public static Uri Topic(Uri hostAddress, string topic) => new ServiceBusEndpointAddress(hostAddress, topic, true).ToUri();

    public static ServiceBusEndpointAddress Parse(Uri hostAddress, Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        switch (address.Scheme)
        {
            case "queue":
                return new ServiceBusEndpointAddress(hostAddress, address.AbsolutePath.Trim('/'), false);
            case "topic":
            case "exchange":
                return new ServiceBusEndpointAddress(hostAddress, address.AbsolutePath.Trim('/'), true);
            case "sb":
            case "amqp":
            case "amqps":
                var isTopic = address.Query.TrimStart('?').Split('&').Contains(TopicQuery, StringComparer.OrdinalIgnoreCase);
                return new ServiceBusEndpointAddress(hostAddress, Uri.UnescapeDataString(address.AbsolutePath.Trim('/')), isTopic);
            default:
                throw new ArgumentException($"'{address}' is not a Service Bus address (sb://, queue:, topic:).", nameof(address));
        }
    }
}
