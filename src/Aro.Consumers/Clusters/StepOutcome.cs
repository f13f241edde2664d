using Aro.Api;

namespace Aro.Consumers.Clusters;

/// <summary>
/// What a step's service did: its work (<see cref="Succeeded"/>), a permanent failure with an ARM error, or nothing
/// because the command's operation no longer acts on the cluster (<see cref="Superseded"/>).
/// </summary>
public sealed record StepOutcome(CloudErrorBody? Error, Supersession? Superseded)
{
    public static StepOutcome Done { get; } = new(null, null);

    public bool Succeeded => Error is null && Superseded is null;

    public static StepOutcome Failed(CloudErrorBody error) => new(error, null);

    public static StepOutcome Skipped(Supersession superseded) => new(null, superseded);
}
