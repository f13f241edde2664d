using Aro.Api;

namespace Aro.Consumers.Clusters;

/// <summary>
/// What a step's service did: its work (<see cref="Succeeded"/>), a permanent failure with an ARM error, or nothing
/// because of a <see cref="Clusters.Supersession"/>: the command's operation no longer acts on the cluster.
/// </summary>
public sealed record StepOutcome(CloudErrorBody? Error, Supersession? Supersession)
{
    public static StepOutcome Done { get; } = new(null, null);

    public bool Succeeded => Error is null && Supersession is null;

    public static StepOutcome Failed(CloudErrorBody error) => new(error, null);

    public static StepOutcome Of(Supersession supersession) => new(null, supersession);
}
