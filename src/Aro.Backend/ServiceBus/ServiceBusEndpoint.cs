namespace Aro.Backend.ServiceBus;

/// <summary>A receive endpoint: its queue name and the message types its consumers or saga take.</summary>
public sealed record ServiceBusEndpoint(string Name, IReadOnlyList<Type> ConsumedMessageTypes);
