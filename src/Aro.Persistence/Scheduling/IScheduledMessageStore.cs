namespace Aro.Persistence.Scheduling;

/// <summary>
/// Durable storage of scheduled messages, shaped for SQLite and Cosmos DB alike: one partition
/// (<see cref="ScheduledMessageEntry.PartitionKey"/>), documents keyed by token id, claims and completions
/// conditional on the ETag, so two pollers never both win the same message.
/// </summary>
public interface IScheduledMessageStore
{
    /// <summary>Stores the message, replacing one scheduled earlier with the same token.</summary>
    Task ScheduleAsync(ScheduledMessageEntry message, CancellationToken cancellationToken);

    /// <summary>Forgets the message with that token; false when there is none (sent already, or never scheduled).</summary>
    Task<bool> CancelAsync(Guid tokenId, CancellationToken cancellationToken);

    Task<ScheduledMessageEntry?> GetAsync(Guid tokenId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> messages due at <paramref name="now"/> that nobody holds a live claim on, earliest first.</summary>
    Task<IReadOnlyList<ScheduledMessageEntry>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a due message until <paramref name="claimedUntil"/> if it is unchanged since it was listed; returns
    /// the claimed message (with its new ETag) or null when another poller, a cancel or a reschedule came first.
    /// </summary>
    Task<ScheduledMessageEntry?> TryClaimAsync(ScheduledMessageEntry message, DateTimeOffset claimedUntil, CancellationToken cancellationToken);

    /// <summary>Removes a sent message if it is still as claimed; false when it was cancelled or rescheduled meanwhile.</summary>
    Task<bool> TryCompleteAsync(ScheduledMessageEntry claimed, CancellationToken cancellationToken);
}
