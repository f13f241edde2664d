using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Clusters;

/// <summary>
/// A step command whose operation no longer acts on the cluster: a later operation (typically a delete) took it
/// over, or the cluster is gone (<paramref name="CurrentOperationId"/> null). The saga has moved on, so the step
/// leaves the cloud and the store alone and reports nothing.
/// </summary>
public sealed record Supersession(string ResourceId, string OperationId, string? CurrentOperationId)
{
    public void Log(ILogger logger, string step) =>
        SupersessionLog.StepDoesNothing(logger, step, ResourceId, OperationId, CurrentOperationId ?? "none, the cluster is gone");
}
