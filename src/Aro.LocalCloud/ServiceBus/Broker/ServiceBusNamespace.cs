namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>
/// The namespace's entities and the routing between them: sends land in a queue, or fan out from a topic to
/// the subscriptions whose rules match; forwarding moves a message on to another entity.
/// </summary>
public sealed class ServiceBusNamespace
{
    private const int MaxForwardingHops = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, QueueEntity> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TopicEntity> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly IMessageJournal _journal;
    private readonly IPayloadEditor _editor;
    private long _sequenceNumber;

    public ServiceBusNamespace(IMessageJournal journal, IPayloadEditor editor)
    {
        _journal = journal;
        _editor = editor;
    }

    /// <summary>Raised after any entity is created, updated or deleted (the topology is saved then).</summary>
    public event Action? TopologyChanged;

    /// <summary>
    /// <paramref name="read"/> run while no entity changes: for what must see the whole topology at one moment (the
    /// saved topology), since subscriptions and rules are changed in place under the same lock.
    /// </summary>
    public T ReadConsistently<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    public IReadOnlyList<QueueEntity> Queues
    {
        get
        {
            lock (_gate)
            {
                return [.. _queues.Values.OrderBy(q => q.Name, StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    public IReadOnlyList<TopicEntity> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _topics.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    public long LastSequenceNumber
    {
        get => Interlocked.Read(ref _sequenceNumber);
        set => Interlocked.Exchange(ref _sequenceNumber, value);
    }

    public QueueEntity? FindQueue(string name)
    {
        lock (_gate)
        {
            return _queues.GetValueOrDefault(name);
        }
    }

    public TopicEntity? FindTopic(string name)
    {
        lock (_gate)
        {
            return _topics.GetValueOrDefault(name);
        }
    }

    public SubscriptionEntity? FindSubscription(string topic, string subscription)
    {
        lock (_gate)
        {
            return _topics.GetValueOrDefault(topic)?.Subscriptions.GetValueOrDefault(subscription);
        }
    }

    /// <summary>Whether any entity (queue or topic) has this name; they share one name space.</summary>
    public bool Exists(string name)
    {
        lock (_gate)
        {
            return _queues.ContainsKey(name) || _topics.ContainsKey(name);
        }
    }

    public QueueEntity PutQueue(string name, EntitySettings settings, string descriptionXml)
    {
        QueueEntity queue;
        lock (_gate)
        {
            if (!_queues.TryGetValue(name, out queue!))
            {
                queue = new QueueEntity(name);
                var entity = queue;
                var deadLetters = NewStore(EntityPaths.DeadLetter(name), () => entity.Settings, null);
                queue.Store = NewStore(name, () => entity.Settings, deadLetters);
                _queues[name] = queue;
            }

            queue.Settings = settings;
            queue.DescriptionXml = descriptionXml;
            queue.UpdatedAtUtc = DateTime.UtcNow;
        }

        TopologyChanged?.Invoke();
        return queue;
    }

    public TopicEntity PutTopic(string name, EntitySettings settings, string descriptionXml)
    {
        TopicEntity topic;
        lock (_gate)
        {
            if (!_topics.TryGetValue(name, out topic!))
            {
                topic = new TopicEntity(name);
                _topics[name] = topic;
            }

            topic.Settings = settings;
            topic.DescriptionXml = descriptionXml;
            topic.UpdatedAtUtc = DateTime.UtcNow;
        }

        TopologyChanged?.Invoke();
        return topic;
    }

    /// <summary>Creates or updates a subscription; a new one gets the given rule, or "$Default" matching everything.</summary>
    public SubscriptionEntity? PutSubscription(string topicName, string name, EntitySettings settings, string descriptionXml, RuleEntity? defaultRule)
    {
        SubscriptionEntity subscription;
        lock (_gate)
        {
            if (!_topics.TryGetValue(topicName, out var topic))
            {
                return null;
            }

            if (!topic.Subscriptions.TryGetValue(name, out subscription!))
            {
                subscription = new SubscriptionEntity(name, topic);
                var entity = subscription;
                var path = EntityPaths.Subscription(topic.Name, name);
                var deadLetters = NewStore(EntityPaths.DeadLetter(path), () => entity.Settings, null);
                subscription.Store = NewStore(path, () => entity.Settings, deadLetters);
                var rule = defaultRule ?? new RuleEntity("$Default") { Filter = RuleFilter.True };
                subscription.Rules[rule.Name] = rule;
                topic.Subscriptions[name] = subscription;
            }

            subscription.Settings = settings;
            subscription.DescriptionXml = descriptionXml;
            subscription.UpdatedAtUtc = DateTime.UtcNow;
        }

        TopologyChanged?.Invoke();
        return subscription;
    }

    public bool PutRule(string topicName, string subscriptionName, RuleEntity rule)
    {
        lock (_gate)
        {
            var subscription = _topics.GetValueOrDefault(topicName)?.Subscriptions.GetValueOrDefault(subscriptionName);
            if (subscription is null)
            {
                return false;
            }

            subscription.Rules[rule.Name] = rule;
        }

        TopologyChanged?.Invoke();
        return true;
    }

    public bool DeleteRule(string topicName, string subscriptionName, string ruleName)
    {
        bool removed;
        lock (_gate)
        {
            removed = _topics.GetValueOrDefault(topicName)?.Subscriptions.GetValueOrDefault(subscriptionName)?.Rules.Remove(ruleName) ?? false;
        }

        if (removed)
        {
            TopologyChanged?.Invoke();
        }

        return removed;
    }

    public bool DeleteQueue(string name)
    {
        QueueEntity? queue;
        lock (_gate)
        {
            if (_queues.Remove(name, out queue))
            {
                queue.Store.Purge();
            }
        }

        if (queue is not null)
        {
            TopologyChanged?.Invoke();
        }

        return queue is not null;
    }

    public bool DeleteTopic(string name)
    {
        TopicEntity? topic;
        lock (_gate)
        {
            if (_topics.Remove(name, out topic))
            {
                foreach (var subscription in topic.Subscriptions.Values)
                {
                    subscription.Store.Purge();
                }
            }
        }

        if (topic is not null)
        {
            TopologyChanged?.Invoke();
        }

        return topic is not null;
    }

    public bool DeleteSubscription(string topicName, string name)
    {
        SubscriptionEntity? subscription = null;
        lock (_gate)
        {
            if (_topics.TryGetValue(topicName, out var topic) && topic.Subscriptions.Remove(name, out subscription))
            {
                subscription.Store.Purge();
            }
        }

        if (subscription is not null)
        {
            TopologyChanged?.Invoke();
        }

        return subscription is not null;
    }

    /// <summary>The store a receiver reads: a queue, a subscription, or either's dead-letter queue.</summary>
    public MessageStore? FindStore(string path)
    {
        path = EntityPaths.Normalize(path);
        var deadLetter = path.EndsWith(EntityPaths.DeadLetterSuffix, StringComparison.OrdinalIgnoreCase);
        if (deadLetter)
        {
            path = path[..^EntityPaths.DeadLetterSuffix.Length];
        }

        MessageStore? store;
        lock (_gate)
        {
            store = _queues.GetValueOrDefault(path)?.Store ?? FindSubscriptionByPath(path)?.Store;
        }

        return deadLetter ? store?.DeadLetters : store;
    }

    /// <summary>Whether a sender may write to this path (a queue or a topic).</summary>
    public bool CanSendTo(string path)
    {
        path = EntityPaths.Normalize(path);
        lock (_gate)
        {
            return _queues.ContainsKey(path) || _topics.ContainsKey(path);
        }
    }

    /// <summary>Accepts a message sent to a queue or topic; false when there is no such entity.</summary>
    public bool Send(string path, IncomingMessage message) => Route(EntityPaths.Normalize(path), message, DateTime.UtcNow, hops: 0, dedupe: true);

    /// <summary>Schedules a message; its sequence number, or null when the entity does not exist.</summary>
    public long? Schedule(string path, IncomingMessage message)
    {
        var sequenceNumber = Interlocked.Increment(ref _sequenceNumber);
        return Route(EntityPaths.Normalize(path), message, DateTime.UtcNow, 0, dedupe: true, sequenceNumber) ? sequenceNumber : null;
    }

    /// <summary>Cancels scheduled messages wherever the entity's stores hold them.</summary>
    public bool CancelScheduled(string path, IReadOnlyList<long> sequenceNumbers)
    {
        path = EntityPaths.Normalize(path);
        List<MessageStore> stores;
        lock (_gate)
        {
            if (_queues.TryGetValue(path, out var queue))
            {
                stores = [queue.Store];
            }
            else if (_topics.TryGetValue(path, out var topic))
            {
                stores = [.. topic.Subscriptions.Values.Select(s => s.Store)];
            }
            else
            {
                return false;
            }
        }

        foreach (var store in stores)
        {
            store.CancelScheduled(sequenceNumbers);
        }

        return true;
    }

    public void Sweep(DateTime now)
    {
        foreach (var store in AllStores())
        {
            store.Sweep(now);
        }
    }

    public IReadOnlyList<MessageStore> AllStores()
    {
        lock (_gate)
        {
            var stores = new List<MessageStore>();
            foreach (var queue in _queues.Values)
            {
                stores.Add(queue.Store);
                stores.Add(queue.Store.DeadLetters!);
            }

            foreach (var subscription in _topics.Values.SelectMany(t => t.Subscriptions.Values))
            {
                stores.Add(subscription.Store);
                stores.Add(subscription.Store.DeadLetters!);
            }

            return stores;
        }
    }

    /// <summary>Counts of a topic: what its subscriptions hold.</summary>
    public static MessageCounts CountsOf(TopicEntity topic) =>
        topic.Subscriptions.Values.Aggregate(default(MessageCounts), (sum, s) => sum + s.Store.Counts);

    private SubscriptionEntity? FindSubscriptionByPath(string path)
    {
        var at = path.LastIndexOf(EntityPaths.SubscriptionsSegment, StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return null;
        }

        var topic = path[..at];
        var subscription = path[(at + EntityPaths.SubscriptionsSegment.Length)..];
        return _topics.GetValueOrDefault(topic)?.Subscriptions.GetValueOrDefault(subscription);
    }

    private bool Route(string path, IncomingMessage message, DateTime now, int hops, bool dedupe, long? sequenceNumber = null)
    {
        QueueEntity? queue;
        TopicEntity? topic;
        List<SubscriptionEntity> matched = [];
        lock (_gate)
        {
            queue = _queues.GetValueOrDefault(path);
            topic = queue is null ? _topics.GetValueOrDefault(path) : null;
            if (topic is not null)
            {
                matched = [.. topic.Subscriptions.Values.Where(s => s.Rules.Values.Any(r => r.Filter.Matches(message.Routing)))];
            }
        }

        if (queue is null && topic is null)
        {
            return false;
        }

        var settings = queue?.Settings ?? topic!.Settings;
        var duplicates = queue?.Duplicates ?? topic!.Duplicates;
        if (dedupe && settings.RequiresDuplicateDetection && message.MessageId is not null
            && duplicates.IsDuplicate(message.MessageId, settings.DuplicateDetectionHistoryTimeWindow, now))
        {
            return true;
        }

        if (queue is not null)
        {
            Deposit(queue.Store, queue.Settings, message, now, hops, sequenceNumber);
        }
        else
        {
            foreach (var subscription in matched)
            {
                Deposit(subscription.Store, subscription.Settings, message, now, hops, sequenceNumber);
            }
        }

        return true;
    }

    private void Deposit(MessageStore store, EntitySettings settings, IncomingMessage message, DateTime now, int hops, long? sequenceNumber)
    {
        if (!string.IsNullOrEmpty(settings.ForwardTo) && hops < MaxForwardingHops
            && Route(EntityPaths.Normalize(settings.ForwardTo), message, now, hops + 1, dedupe: false, sequenceNumber))
        {
            return;
        }

        var timeToLive = message.TimeToLive is { } ttl && ttl < settings.DefaultMessageTimeToLive ? ttl : settings.DefaultMessageTimeToLive;
        var scheduled = message.ScheduledEnqueueTimeUtc ?? default;
        var enqueued = scheduled > now ? scheduled : now;
        store.Enqueue(new BrokeredMessage
        {
            SequenceNumber = sequenceNumber ?? Interlocked.Increment(ref _sequenceNumber),
            MessageId = message.MessageId,
            Payload = message.Payload,
            EnqueuedTimeUtc = enqueued,
            ScheduledEnqueueTimeUtc = scheduled,
            ExpiresAtUtc = timeToLive >= DateTime.MaxValue - enqueued ? DateTime.MaxValue : enqueued + timeToLive,
        }, now);
    }

    private void ForwardDeadLetter(BrokeredMessage message, string forwardTo)
    {
        var target = FindStore(forwardTo);
        if (target is null)
        {
            return;
        }

        message.DeadLetterSource = null;
        target.Enqueue(message, DateTime.UtcNow);
    }

    private MessageStore NewStore(string path, Func<EntitySettings> settings, MessageStore? deadLetters) =>
        new(path, settings, deadLetters, _journal, _editor, ForwardDeadLetter);
}
