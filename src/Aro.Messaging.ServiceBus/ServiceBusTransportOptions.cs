namespace Aro.Messaging.ServiceBus;

/// <summary>How the RP reaches its Service Bus namespace and how its endpoints receive (section "Messaging:ServiceBus").</summary>
public sealed class ServiceBusTransportOptions
{
    public const string SectionName = "Messaging:" + SubsectionName;

    /// <summary>The section's name within the bus's own section ("Messaging").</summary>
    public const string SubsectionName = "ServiceBus";

    /// <summary>The fully qualified namespace (contoso.servicebus.windows.net), reached with an Entra ID token.</summary>
    public string? Namespace { get; set; }

    /// <summary>A SAS or local-cloud connection string; used instead of <see cref="Namespace"/> when set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The connection string of the administration (ATOM) endpoint when it differs from <see cref="ConnectionString"/>:
    /// emulators serve it on a port of its own. Unset: the same as <see cref="ConnectionString"/>.
    /// </summary>
    public string? AdministrationConnectionString { get; set; }

    /// <summary>
    /// Create the queues, topics and subscriptions at start-up (needs Manage rights). Unset means: true in
    /// development, false in production, where infra declares the entities and the RP has data-plane rights only.
    /// </summary>
    public bool? CreateTopology { get; set; }

    /// <summary>Messages fetched ahead of the consumers per endpoint.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Messages handled at once per endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>
    /// The most messages one send to an entity carries: messages sent to the same queue or topic while a send to it is
    /// in flight go together as one batch when it returns. 1 sends each message alone.
    /// </summary>
    public int SendBatchLimit { get; set; } = 100;

    /// <summary>How long the processor keeps renewing a message's lock while a (slow) step runs.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The last guard: after this many deliveries the broker dead-letters the message by itself.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long the broker remembers message ids to drop duplicates of the RP's deterministic ids.</summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The lock duration set on the queues the transport creates.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public bool ShouldCreateTopology(bool isDevelopment) => CreateTopology ?? isDevelopment;
}
