namespace Aro.Benchmarks.ServiceBusTransport;

/// <summary>
/// Never serialized: its type only names the topic the bare SDK half sends to, so that topic, its forwarding
/// subscription and its queue are created by the transport's own provisioner with the same settings as the other half's.
/// </summary>
public sealed record SdkPing(Guid Id, string Payload);
