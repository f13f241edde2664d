namespace Aro.Orchestration.Tests;

/// <summary>A message as a fake consumer received it, with the message id the transport carried.</summary>
public sealed record Delivery(object Message, Guid? MessageId);
