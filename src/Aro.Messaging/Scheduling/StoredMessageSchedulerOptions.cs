namespace Aro.Messaging.Scheduling;

/// <summary>The store-backed message scheduler used on RabbitMQ (section "Messaging:Scheduler").</summary>
public sealed class StoredMessageSchedulerOptions
{
    /// <summary>How often a backend looks for scheduled messages that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a backend that claimed a due message has to send it before another backend may: a backend that
    /// died between claiming and sending delays the message by this much, never loses it.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due messages one sweep claims and sends at most.</summary>
    public int BatchSize { get; set; } = 100;
}
