namespace Aro.Messaging.RabbitMq.DeadLetters;

/// <summary>A message MassTransit moved to an error queue after its consumer kept failing, as its fault headers describe it.</summary>
/// <param name="ErrorQueue">Where it is, e.g. validate-network_error.</param>
/// <param name="OriginalQueue">Where it came from and goes back to on requeue (MT-Fault-InputAddress).</param>
/// <param name="FaultReason">The last exception's message (MT-Fault-Message).</param>
/// <param name="FaultedAt">When it faulted (MT-Fault-Timestamp), or when it was sent.</param>
public sealed record DeadLetter(
    string ErrorQueue,
    string OriginalQueue,
    string? MessageId,
    string? MessageType,
    string? FaultReason,
    DateTimeOffset? FaultedAt);
