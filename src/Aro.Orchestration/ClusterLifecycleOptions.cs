namespace Aro.Orchestration;

/// <summary>Bound from the "Orchestration" section: how long a step may take and how often its command is sent.</summary>
public sealed class ClusterLifecycleOptions
{
    public const string SectionName = "Orchestration";

    /// <summary>How long the saga waits for a step's outcome before sending its command again.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a step's command goes out before the operation fails with the step's timeout error.</summary>
    public int MaxStepAttempts { get; set; } = 3;
}
