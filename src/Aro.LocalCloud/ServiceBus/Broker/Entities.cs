namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>What every entity keeps: its name, its description as the administration API last wrote it, and times.</summary>
public abstract class ServiceBusEntity(string name)
{
    public string Name { get; } = name;

    /// <summary>The entity's description XML (QueueDescription, TopicDescription...), echoed back on reads.</summary>
    public string DescriptionXml { get; set; } = "";

    public DateTime CreatedAtUtc { get; init; } = DateTime.UtcNow;

    public DateTime UpdatedAtUtc { get; set; } = DateTime.UtcNow;
}

public sealed class QueueEntity(string name) : ServiceBusEntity(name)
{
    public EntitySettings Settings { get; set; } = new();

    public MessageStore Store { get; set; } = null!;

    public DuplicateDetector Duplicates { get; } = new();
}

public sealed class TopicEntity(string name) : ServiceBusEntity(name)
{
    public EntitySettings Settings { get; set; } = new();

    public DuplicateDetector Duplicates { get; } = new();

    public Dictionary<string, SubscriptionEntity> Subscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class SubscriptionEntity(string name, TopicEntity topic) : ServiceBusEntity(name)
{
    public TopicEntity Topic { get; } = topic;

    public EntitySettings Settings { get; set; } = new();

    public MessageStore Store { get; set; } = null!;

    public Dictionary<string, RuleEntity> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RuleEntity(string name) : ServiceBusEntity(name)
{
    public RuleFilter Filter { get; set; } = RuleFilter.True;
}
