namespace Aro.Messaging.ServiceBus.DeadLetters;

/// <summary>A message in the native dead-letter queue of an endpoint queue, as the operator commands show it.</summary>
/// <param name="DeadLetterQueue">Where it is, e.g. validate-network/$DeadLetterQueue.</param>
/// <param name="OriginalQueue">The endpoint queue it failed on and goes back to on requeue.</param>
/// <param name="FaultReason">The dead-letter reason and description as one line (the exception type and message).</param>
/// <param name="FaultedAt">When it was dead-lettered (its enqueue time in the dead-letter queue).</param>
public sealed record ServiceBusDeadLetter(
    string DeadLetterQueue,
    string OriginalQueue,
    string? MessageId,
    string? MessageType,
    string? FaultReason,
    DateTimeOffset? FaultedAt,
    long SequenceNumber);
