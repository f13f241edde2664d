namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>The delivery settings a queue or a subscription carries (the parts of its description the broker obeys).</summary>
public sealed record EntitySettings
{
    public static readonly TimeSpan Unlimited = TimeSpan.MaxValue;

    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxDeliveryCount { get; init; } = 10;

    public TimeSpan DefaultMessageTimeToLive { get; init; } = Unlimited;

    public bool DeadLetteringOnMessageExpiration { get; init; }

    public bool RequiresDuplicateDetection { get; init; }

    public TimeSpan DuplicateDetectionHistoryTimeWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Entity path every accepted message moves on to, instead of staying here.</summary>
    public string? ForwardTo { get; init; }

    public string? ForwardDeadLetteredMessagesTo { get; init; }
}
