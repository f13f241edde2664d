namespace Aro.Messaging.ServiceBus.Headers;

/// <summary>What MassTransit knows about a message being sent that has a native Service Bus property.</summary>
public sealed record OutgoingMessageProperties
{
    public Guid? MessageId { get; init; }

    public Guid? CorrelationId { get; init; }

    public string? ContentType { get; init; }

    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The MassTransit message type urns, shown in the portal as the message's subject.</summary>
    public string? Subject { get; init; }
}
