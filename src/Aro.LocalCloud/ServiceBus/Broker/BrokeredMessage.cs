namespace Aro.LocalCloud.ServiceBus.Broker;

public enum MessageState
{
    Active,
    Deferred,
    Scheduled,
}

/// <summary>
/// A message as the broker keeps it: the encoded AMQP message as the sender wrote it (<see cref="Payload"/>)
/// and the broker's own bookkeeping, which becomes message annotations on every delivery.
/// </summary>
public sealed class BrokeredMessage
{
    public required long SequenceNumber { get; init; }

    public required byte[] Payload { get; set; }

    public string? MessageId { get; init; }

    public DateTime EnqueuedTimeUtc { get; set; }

    /// <summary>When it expires; <see cref="DateTime.MaxValue"/> for never.</summary>
    public DateTime ExpiresAtUtc { get; set; } = DateTime.MaxValue;

    public DateTime ScheduledEnqueueTimeUtc { get; set; }

    public MessageState State { get; set; }

    /// <summary>Deliveries so far (the SDK's DeliveryCount after the next one is this + 1).</summary>
    public int DeliveryCount { get; set; }

    /// <summary>Entity path the message was dead-lettered from, for messages in a dead-letter queue.</summary>
    public string? DeadLetterSource { get; set; }

    public Guid LockToken { get; set; }

    public DateTime LockedUntilUtc { get; set; }

    /// <summary>The consumer holding the lock; null when the message is available (or deferred / scheduled).</summary>
    public object? LockHolder { get; set; }

    public bool IsLocked => LockHolder is not null;

    public long Size => Payload.Length;

    /// <summary>A copy to hand out of the store's lock, so delivery never races a later state change.</summary>
    public BrokeredMessage Snapshot() => (BrokeredMessage)MemberwiseClone();
}
