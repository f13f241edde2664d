namespace Aro.Messaging.ServiceBus.Topology;

/// <summary>One receive endpoint as the broker sees it: its queue, and the message types whose topics forward into it.</summary>
public sealed record EndpointTopology(string EndpointName, IReadOnlyList<Type> ConsumedMessageTypes)
{
    public string Queue => ServiceBusEntityNames.Queue(EndpointName);

    public string Subscription => ServiceBusEntityNames.Subscription(EndpointName);

    public IEnumerable<string> Topics => ConsumedMessageTypes.Select(ServiceBusEntityNames.Topic).Distinct(StringComparer.Ordinal);
}
