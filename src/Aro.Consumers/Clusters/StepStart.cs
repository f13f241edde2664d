using Aro.Api;

namespace Aro.Consumers.Clusters;

/// <summary>How a step begins: it reads its cluster, and stops when the cluster is gone or another operation acts on it.</summary>
public static class StepStart
{
    /// <summary>
    /// The stored cluster while <paramref name="operationId"/> acts on it; otherwise no cluster and the outcome the step
    /// reports instead (failed with <see cref="ClusterNotFound"/>, or skipped as superseded).
    /// </summary>
    public static async Task<(StoredCluster? Stored, StepOutcome? Stop)> ReadForStepAsync(
        this IClusterDocuments documents, string resourceId, string operationId, CancellationToken cancellationToken)
    {
        if (await documents.GetAsync(resourceId, cancellationToken) is not { } stored)
        {
            return (null, StepOutcome.Failed(ClusterNotFound(resourceId)));
        }

        return stored.Supersedes(operationId) is { } superseded
            ? (null, StepOutcome.Skipped(superseded))
            : (stored, null);
    }

    /// <summary>The error of a step whose cluster no longer exists.</summary>
    public static CloudErrorBody ClusterNotFound(string resourceId) =>
        new(CloudErrorCodes.ResourceNotFound, $"The cluster '{resourceId}' no longer exists.", resourceId);
}
