namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>
/// The messages of one queue, subscription or dead-letter queue, with their locks. One lock guards
/// everything: each operation is short, and it makes "one message, one receiver" obviously true.
/// </summary>
public sealed class MessageStore
{
    public const string DeadLetterReasonProperty = "DeadLetterReason";
    public const string DeadLetterDescriptionProperty = "DeadLetterErrorDescription";

    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, BrokeredMessage> _messages = [];
    private readonly SortedSet<long> _available = [];
    private readonly Dictionary<Guid, BrokeredMessage> _locked = [];
    private readonly List<IMessageConsumer> _consumers = [];
    private readonly IMessageJournal _journal;
    private readonly IPayloadEditor _editor;
    private readonly Action<BrokeredMessage, string> _forwardDeadLetter;
    private int _nextConsumer;

    public MessageStore(string path, Func<EntitySettings> settings, MessageStore? deadLetters, IMessageJournal journal, IPayloadEditor editor,
        Action<BrokeredMessage, string> forwardDeadLetter)
    {
        Path = path;
        Settings = settings;
        DeadLetters = deadLetters;
        _journal = journal;
        _editor = editor;
        _forwardDeadLetter = forwardDeadLetter;
    }

    /// <summary>Entity path, e.g. "orders", "topic/Subscriptions/sub", "orders/$DeadLetterQueue".</summary>
    public string Path { get; }

    public Func<EntitySettings> Settings { get; }

    /// <summary>The dead-letter sub-queue; null for a dead-letter queue itself.</summary>
    public MessageStore? DeadLetters { get; }

    public MessageCounts Counts
    {
        get
        {
            lock (_gate)
            {
                long active = 0, scheduled = 0, size = 0;
                foreach (var message in _messages.Values)
                {
                    size += message.Size;
                    if (message.State == MessageState.Scheduled)
                    {
                        scheduled++;
                    }
                    else
                    {
                        active++;
                    }
                }

                var deadLetters = DeadLetters?.Counts.Active ?? 0;
                return new MessageCounts(active, deadLetters, scheduled, size);
            }
        }
    }

    /// <summary>Accepts a message: available now, or held until its scheduled enqueue time.</summary>
    public void Enqueue(BrokeredMessage message, DateTime now)
    {
        List<(IMessageConsumer, BrokeredMessage)> deliveries;
        lock (_gate)
        {
            message.State = message.ScheduledEnqueueTimeUtc > now ? MessageState.Scheduled : MessageState.Active;
            _messages[message.SequenceNumber] = message;
            if (message.State == MessageState.Active)
            {
                _available.Add(message.SequenceNumber);
            }

            _journal.Put(Path, message);
            deliveries = TakeDeliveries(now);
        }

        Deliver(deliveries);
    }

    /// <summary>Restores a journaled message as it was (no delivery, no journaling).</summary>
    public void Restore(BrokeredMessage message)
    {
        lock (_gate)
        {
            message.LockHolder = null;
            _messages[message.SequenceNumber] = message;
            if (message.State == MessageState.Active)
            {
                _available.Add(message.SequenceNumber);
            }
        }
    }

    public void Attach(IMessageConsumer consumer)
    {
        lock (_gate)
        {
            _consumers.Add(consumer);
        }
    }

    /// <summary>Detaches a consumer; the messages it held locked become available again.</summary>
    public void Detach(IMessageConsumer consumer)
    {
        List<(IMessageConsumer, BrokeredMessage)> deliveries;
        lock (_gate)
        {
            _consumers.Remove(consumer);
            consumer.Credit = 0;
            foreach (var message in _locked.Values.Where(m => ReferenceEquals(m.LockHolder, consumer)).ToList())
            {
                Unlock(message, DateTime.UtcNow);
            }

            deliveries = TakeDeliveries(DateTime.UtcNow);
        }

        Deliver(deliveries);
    }

    /// <summary>Gives a consumer more credit and hands it what is available; with drain, unused credit is dropped.</summary>
    public void AddCredit(IMessageConsumer consumer, int credit, bool drain)
    {
        List<(IMessageConsumer, BrokeredMessage)> deliveries;
        lock (_gate)
        {
            consumer.Credit = Math.Max(consumer.Credit, 0) + credit;
            deliveries = TakeDeliveries(DateTime.UtcNow);
            if (drain)
            {
                consumer.Credit = 0;
            }
        }

        Deliver(deliveries);
    }

    public SettlementOutcome Complete(Guid lockToken)
    {
        lock (_gate)
        {
            if (!TryTakeLock(lockToken, out var message))
            {
                return SettlementOutcome.LockLost;
            }

            RemoveLocked(message);
            return SettlementOutcome.Settled;
        }
    }

    public SettlementOutcome Abandon(Guid lockToken, IReadOnlyDictionary<string, object>? propertiesToModify)
    {
        List<(IMessageConsumer, BrokeredMessage)> deliveries;
        lock (_gate)
        {
            if (!TryTakeLock(lockToken, out var message))
            {
                return SettlementOutcome.LockLost;
            }

            Modify(message, propertiesToModify);
            Unlock(message, DateTime.UtcNow);
            deliveries = TakeDeliveries(DateTime.UtcNow);
        }

        Deliver(deliveries);
        return SettlementOutcome.Settled;
    }

    public SettlementOutcome Defer(Guid lockToken, IReadOnlyDictionary<string, object>? propertiesToModify)
    {
        lock (_gate)
        {
            if (!TryTakeLock(lockToken, out var message))
            {
                return SettlementOutcome.LockLost;
            }

            Modify(message, propertiesToModify);
            _locked.Remove(message.LockToken);
            message.LockHolder = null;
            message.State = MessageState.Deferred;
            _journal.Put(Path, message);
            return SettlementOutcome.Settled;
        }
    }

    public SettlementOutcome DeadLetter(Guid lockToken, string? reason, string? description, IReadOnlyDictionary<string, object>? propertiesToModify)
    {
        lock (_gate)
        {
            if (!TryTakeLock(lockToken, out var message))
            {
                return SettlementOutcome.LockLost;
            }

            Modify(message, propertiesToModify);
            RemoveLocked(message);
            MoveToDeadLetters(message, reason, description);
            return SettlementOutcome.Settled;
        }
    }

    /// <summary>Extends a lock by the lock duration; null when the lock is gone.</summary>
    public DateTime? RenewLock(Guid lockToken)
    {
        lock (_gate)
        {
            if (!TryTakeLock(lockToken, out var message))
            {
                return null;
            }

            message.LockedUntilUtc = DateTime.UtcNow + Settings().LockDuration;
            return message.LockedUntilUtc;
        }
    }

    /// <summary>Messages from a sequence number on, in order, whatever their state (peek never locks).</summary>
    public IReadOnlyList<BrokeredMessage> Peek(long fromSequenceNumber, int count)
    {
        lock (_gate)
        {
            return [.. _messages.Values.Where(m => m.SequenceNumber >= fromSequenceNumber).Take(count).Select(m => m.Snapshot())];
        }
    }

    /// <summary>Locks (or, receive-and-delete, removes) deferred messages by sequence number; null when one is not deferred here.</summary>
    public IReadOnlyList<BrokeredMessage>? ReceiveDeferred(IReadOnlyList<long> sequenceNumbers, object holder, bool receiveAndDelete)
    {
        lock (_gate)
        {
            var found = new List<BrokeredMessage>();
            foreach (var sequenceNumber in sequenceNumbers)
            {
                if (!_messages.TryGetValue(sequenceNumber, out var message) || message.State != MessageState.Deferred || message.IsLocked)
                {
                    return null;
                }

                found.Add(message);
            }

            var now = DateTime.UtcNow;
            var result = new List<BrokeredMessage>();
            foreach (var message in found)
            {
                message.DeliveryCount++;
                if (receiveAndDelete)
                {
                    _messages.Remove(message.SequenceNumber);
                    _journal.Remove(Path, message.SequenceNumber);
                }
                else
                {
                    LockTo(message, holder, now);
                }

                result.Add(message.Snapshot());
            }

            return result;
        }
    }

    /// <summary>Removes scheduled messages that have not been enqueued yet; unknown numbers are ignored, as on Azure.</summary>
    public void CancelScheduled(IEnumerable<long> sequenceNumbers)
    {
        lock (_gate)
        {
            foreach (var sequenceNumber in sequenceNumbers)
            {
                if (_messages.TryGetValue(sequenceNumber, out var message) && message.State == MessageState.Scheduled)
                {
                    _messages.Remove(sequenceNumber);
                    _journal.Remove(Path, sequenceNumber);
                }
            }
        }
    }

    /// <summary>Time passing: expired locks return their message, scheduled messages arrive, expired messages leave.</summary>
    public void Sweep(DateTime now)
    {
        List<(IMessageConsumer, BrokeredMessage)> deliveries;
        lock (_gate)
        {
            foreach (var message in _locked.Values.Where(m => m.LockedUntilUtc <= now).ToList())
            {
                Unlock(message, now);
            }

            foreach (var message in _messages.Values.Where(m => m.State == MessageState.Scheduled && m.ScheduledEnqueueTimeUtc <= now).ToList())
            {
                message.State = MessageState.Active;
                message.EnqueuedTimeUtc = now;
                _available.Add(message.SequenceNumber);
                _journal.Put(Path, message);
            }

            foreach (var message in _messages.Values.Where(m => m.ExpiresAtUtc <= now && !m.IsLocked && m.State != MessageState.Scheduled).ToList())
            {
                Expire(message);
            }

            deliveries = TakeDeliveries(now);
        }

        Deliver(deliveries);
    }

    /// <summary>Drops every message (the entity was deleted).</summary>
    public void Purge()
    {
        lock (_gate)
        {
            foreach (var sequenceNumber in _messages.Keys)
            {
                _journal.Remove(Path, sequenceNumber);
            }

            _messages.Clear();
            _available.Clear();
            _locked.Clear();
        }

        DeadLetters?.Purge();
    }

    private List<(IMessageConsumer, BrokeredMessage)> TakeDeliveries(DateTime now)
    {
        var deliveries = new List<(IMessageConsumer, BrokeredMessage)>();
        while (_available.Count > 0)
        {
            var consumer = NextConsumerWithCredit();
            if (consumer is null)
            {
                break;
            }

            var sequenceNumber = _available.Min;
            _available.Remove(sequenceNumber);
            var message = _messages[sequenceNumber];
            if (message.ExpiresAtUtc <= now)
            {
                Expire(message);
                continue;
            }

            consumer.Credit--;
            message.DeliveryCount++;
            if (consumer.ReceiveAndDelete)
            {
                _messages.Remove(sequenceNumber);
                _journal.Remove(Path, sequenceNumber);
            }
            else
            {
                LockTo(message, consumer, now);
                _journal.Put(Path, message);
            }

            deliveries.Add((consumer, message.Snapshot()));
        }

        return deliveries;
    }

    private IMessageConsumer? NextConsumerWithCredit()
    {
        for (var i = 0; i < _consumers.Count; i++)
        {
            var consumer = _consumers[(_nextConsumer + i) % _consumers.Count];
            if (consumer.Credit > 0)
            {
                _nextConsumer = (_nextConsumer + i + 1) % _consumers.Count;
                return consumer;
            }
        }

        return null;
    }

    private static void Deliver(List<(IMessageConsumer Consumer, BrokeredMessage Message)> deliveries)
    {
        foreach (var (consumer, message) in deliveries)
        {
            consumer.Deliver(message);
        }
    }

    private void LockTo(BrokeredMessage message, object holder, DateTime now)
    {
        message.LockToken = Guid.NewGuid();
        message.LockHolder = holder;
        message.LockedUntilUtc = now + Settings().LockDuration;
        _locked[message.LockToken] = message;
    }

    private bool TryTakeLock(Guid lockToken, out BrokeredMessage message)
    {
        if (_locked.TryGetValue(lockToken, out message!) && message.LockedUntilUtc > DateTime.UtcNow)
        {
            return true;
        }

        return false;
    }

    private void RemoveLocked(BrokeredMessage message)
    {
        _locked.Remove(message.LockToken);
        _messages.Remove(message.SequenceNumber);
        _journal.Remove(Path, message.SequenceNumber);
    }

    /// <summary>A lock ends without settlement: the delivery counted; past the maximum, the message is dead-lettered.</summary>
    private void Unlock(BrokeredMessage message, DateTime now)
    {
        _locked.Remove(message.LockToken);
        message.LockHolder = null;
        var settings = Settings();
        if (DeadLetters is not null && message.DeliveryCount >= settings.MaxDeliveryCount)
        {
            _messages.Remove(message.SequenceNumber);
            _journal.Remove(Path, message.SequenceNumber);
            MoveToDeadLetters(message, "MaxDeliveryCountExceeded",
                $"Message could not be consumed after {settings.MaxDeliveryCount} delivery attempts.");
            return;
        }

        if (message.State == MessageState.Active)
        {
            if (message.ExpiresAtUtc <= now)
            {
                Expire(message);
                return;
            }

            _available.Add(message.SequenceNumber);
        }

        _journal.Put(Path, message);
    }

    private void Expire(BrokeredMessage message)
    {
        _available.Remove(message.SequenceNumber);
        _messages.Remove(message.SequenceNumber);
        _journal.Remove(Path, message.SequenceNumber);
        if (DeadLetters is not null && Settings().DeadLetteringOnMessageExpiration)
        {
            MoveToDeadLetters(message, "TTLExpiredException", "The message expired and was dead lettered.");
        }
    }

    private void MoveToDeadLetters(BrokeredMessage message, string? reason, string? description)
    {
        if (DeadLetters is null)
        {
            return;
        }

        var properties = new Dictionary<string, object>();
        if (reason is not null)
        {
            properties[DeadLetterReasonProperty] = reason;
        }

        if (description is not null)
        {
            properties[DeadLetterDescriptionProperty] = description;
        }

        var deadLetter = new BrokeredMessage
        {
            SequenceNumber = message.SequenceNumber,
            MessageId = message.MessageId,
            Payload = properties.Count == 0 ? message.Payload : _editor.WithApplicationProperties(message.Payload, properties),
            EnqueuedTimeUtc = message.EnqueuedTimeUtc,
            DeliveryCount = message.DeliveryCount,
            DeadLetterSource = Path,
        };

        var forwardTo = Settings().ForwardDeadLetteredMessagesTo;
        if (!string.IsNullOrEmpty(forwardTo))
        {
            _forwardDeadLetter(deadLetter, forwardTo);
            return;
        }

        DeadLetters.Enqueue(deadLetter, DateTime.UtcNow);
    }

    private void Modify(BrokeredMessage message, IReadOnlyDictionary<string, object>? propertiesToModify)
    {
        if (propertiesToModify is { Count: > 0 })
        {
            message.Payload = _editor.WithApplicationProperties(message.Payload, propertiesToModify);
        }
    }
}
