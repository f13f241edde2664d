namespace Aro.Messaging.DeadLetters;

/// <summary>A message whose consumer kept failing, as a listing shows it, whichever broker holds it.</summary>
/// <param name="Queue">Where it is: validate-network_error (RabbitMQ) or validate-network/$DeadLetterQueue (Service Bus).</param>
/// <param name="OriginalQueue">The endpoint queue it failed on and goes back to on requeue.</param>
/// <param name="FaultReason">Why it faulted, one line (MT-Fault-Message on RabbitMQ; the dead-letter reason and the
/// description's first line on Service Bus).</param>
/// <param name="FaultedAt">When it faulted, or when it was sent when the broker does not say.</param>
public sealed record DeadLetter(
    string Queue,
    string OriginalQueue,
    string? MessageId,
    string? MessageType,
    string? FaultReason,
    DateTimeOffset? FaultedAt);
