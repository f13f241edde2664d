namespace Aro.Benchmarks.ServiceBusTransport;

/// <summary>What the transport half publishes: its own type, so its topic forwards to its own queue only.</summary>
public sealed record TransportPing(Guid Id, string Payload);
