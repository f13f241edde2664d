namespace Aro.Backend;

/// <summary>How the backend recovers operations whose messages were lost and forgets old ones (section "Backend").</summary>
public sealed class BackendOptions
{
    public const string SectionName = "Backend";

    /// <summary>How often the reconciler looks for operations without progress.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An operation that has shown no progress for this long gets its request published again. Longer than a
    /// step's timeout, so the saga's own retries come first.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Publish every unsettled operation's request again when the backend starts. The in-memory bus loses
    /// everything in flight (and every scheduled step timeout) with the process, so the embedded RP needs it.
    /// </summary>
    public bool ResumeOnStart { get; set; } = true;

    /// <summary>
    /// Days an ended operation's record is kept before the backend deletes it; the same setting
    /// (ARO_ASYNC_OPERATION_RETENTION_DAYS) as the frontend's, which stops answering for it at that point.
    /// </summary>
    public int AsyncOperationRetentionDays { get; set; } = 7;

    /// <summary>How often the backend looks for expired operation records.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
