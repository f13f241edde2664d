namespace Aro.Messaging.DeadLetters;

/// <summary>
/// One dead letter in full, whichever broker holds it: what <c>aro-rp dead-letters show</c> and the admin API's
/// <c>GET /admin/deadLetters/{queue}/{messageId}</c> answer.
/// </summary>
/// <param name="Queue">Where it is: validate-network_error (RabbitMQ) or validate-network/$DeadLetterQueue (Service Bus).</param>
/// <param name="OriginalQueue">The endpoint queue it failed on and goes back to on requeue.</param>
/// <param name="FaultReason">Why it faulted, one line: MT-Fault-Message on RabbitMQ, the DeadLetterReason and the
/// description's first line on Service Bus.</param>
/// <param name="Exception">The exception in full (type, message, stack trace) as the broker keeps it, when it does.</param>
/// <param name="Headers">Every header (RabbitMQ) or application property (Service Bus) as text, in the broker's order.</param>
/// <param name="Body">The message body as sent (MassTransit's JSON envelope), as text.</param>
public sealed record DeadLetterMessage(
    string Queue,
    string OriginalQueue,
    string? MessageId,
    string? MessageType,
    DateTimeOffset? FaultedAt,
    string? FaultReason,
    string? Exception,
    IReadOnlyList<KeyValuePair<string, string?>> Headers,
    string Body);
