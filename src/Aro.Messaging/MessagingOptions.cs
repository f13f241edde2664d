using Aro.Messaging.RabbitMq;
using Aro.Messaging.Scheduling;

namespace Aro.Messaging;

/// <summary>Which broker the bus runs on and how to reach it (section "Messaging").</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public const string InMemoryTransport = "inmemory";

    public const string RabbitMqTransport = "rabbitmq";

    /// <summary>inmemory: one process, nothing survives it (the embedded default). rabbitmq: durable queues shared by many processes.</summary>
    public string Transport { get; set; } = InMemoryTransport;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public StoredMessageSchedulerOptions Scheduler { get; set; } = new();

    public bool UsesRabbitMq => string.Equals(Transport, RabbitMqTransport, StringComparison.OrdinalIgnoreCase);
}
