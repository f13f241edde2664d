namespace Aro.Backend.ServiceBus;

/// <summary>A topic subscription, named after the endpoint it feeds, auto-forwarding into that endpoint's queue.</summary>
public sealed record ServiceBusSubscription(string Name, string ForwardTo);
