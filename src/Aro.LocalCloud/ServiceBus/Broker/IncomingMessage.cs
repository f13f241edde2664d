namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>A message as a sender hands it over: its encoded form and the fields routing and scheduling read.</summary>
public sealed record IncomingMessage(
    byte[] Payload,
    string? MessageId,
    TimeSpan? TimeToLive,
    DateTime? ScheduledEnqueueTimeUtc,
    MessageRoutingFields Routing);

/// <summary>The system and application properties subscription filters match against.</summary>
public sealed record MessageRoutingFields(
    string? MessageId,
    string? CorrelationId,
    string? To,
    string? ReplyTo,
    string? Subject,
    string? SessionId,
    string? ReplyToSessionId,
    string? ContentType,
    IReadOnlyDictionary<string, object?> ApplicationProperties);
