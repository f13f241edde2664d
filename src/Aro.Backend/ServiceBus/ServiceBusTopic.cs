namespace Aro.Backend.ServiceBus;

/// <summary>A topic a message type is published to, and the subscriptions that forward it into endpoint queues.</summary>
public sealed record ServiceBusTopic(string Name, IReadOnlyList<ServiceBusSubscription> Subscriptions);
