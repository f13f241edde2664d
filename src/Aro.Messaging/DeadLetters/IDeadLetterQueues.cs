namespace Aro.Messaging.DeadLetters;

/// <summary>
/// Where a broker keeps the messages whose consumer kept failing, for operators (<c>aro-rp dead-letters</c> and the
/// admin API): one code path over RabbitMQ's error queues and Service Bus's native dead-letter queues. Queues are named
/// by their dead-letter queue (<see cref="DeadLetterQueueOf"/>); list and show leave every message where it is, requeue
/// puts a copy back before it removes the dead letter (at worst a message is in both, never in none).
/// </summary>
public interface IDeadLetterQueues : IAsyncDisposable
{
    /// <summary>What this broker calls them, for messages: "error queues" or "dead-letter queues".</summary>
    string Kind { get; }

    /// <summary>The dead-letter queue of an endpoint queue (given by its name or already by its dead-letter queue's).</summary>
    string DeadLetterQueueOf(string queue);

    /// <summary>The dead-letter queues of <paramref name="queues"/> (endpoint or dead-letter queue names) that exist.</summary>
    Task<IReadOnlyList<string>> ExistingAsync(IEnumerable<string> queues, CancellationToken cancellationToken);

    /// <summary>The dead letters in <paramref name="deadLetterQueue"/>, only those with <paramref name="messageId"/> when it is set.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string deadLetterQueue, string? messageId, CancellationToken cancellationToken);

    /// <summary>The first dead letter with <paramref name="messageId"/> in full, or null.</summary>
    Task<DeadLetterMessage?> ShowAsync(string deadLetterQueue, string messageId, CancellationToken cancellationToken);

    /// <summary>Moves the matching dead letters (all when <paramref name="messageId"/> is null) back to their queue; returns how many.</summary>
    Task<int> RequeueAsync(string deadLetterQueue, string? messageId, CancellationToken cancellationToken);

    /// <summary>Deletes the matching dead letters (all when <paramref name="messageId"/> is null); returns how many.</summary>
    Task<int> PurgeAsync(string deadLetterQueue, string? messageId, CancellationToken cancellationToken);
}
