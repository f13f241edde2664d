namespace Aro.Persistence.Scheduling;

/// <summary>
/// A message to be sent to <see cref="Destination"/> at <see cref="DueTime"/>, kept as the serialized envelope
/// (<see cref="Body"/> in <see cref="ContentType"/>) with the ids and headers it is sent again with.
/// </summary>
/// <param name="TokenId">The schedule's token: what cancelling it names, and the document's id.</param>
public sealed record ScheduledMessageEntry(
    Guid TokenId,
    Uri Destination,
    DateTimeOffset DueTime,
    string ContentType,
    string Body,
    IReadOnlyList<string> MessageTypes,
    Guid? MessageId,
    string? HeadersJson)
{
    /// <summary>Scheduled messages share one partition: the poller's query names it, so it stays single-partition.</summary>
    public const string PartitionKey = "scheduled-messages";

    /// <summary>Changes on every write; claims and completions are conditional on it.</summary>
    public string? ETag { get; init; }

    /// <summary>A poller claimed it for sending until then; after that another poller may.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }
}
