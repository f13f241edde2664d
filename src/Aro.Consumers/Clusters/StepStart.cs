using Aro.Api;

namespace Aro.Consumers.Clusters;

/// <summary>
/// How a step begins, and how it carries on after each of its writes: with the cluster as stored, while the
/// step's operation acts on it; otherwise it ends with a <see cref="Supersession"/>.
/// </summary>
public static class StepStart
{
    /// <summary>Reads the cluster for a step: see <see cref="ForStep"/>.</summary>
    public static async Task<(StoredCluster? Stored, StepOutcome? Supersession)> ReadForStepAsync(
        this IClusterDocuments documents, string resourceId, string operationId, CancellationToken cancellationToken) =>
        (await documents.GetAsync(resourceId, cancellationToken)).ForStep(resourceId, operationId);

    /// <summary>
    /// The one check of what a step read or wrote: the stored cluster while <paramref name="operationId"/> acts on it;
    /// otherwise no cluster and the outcome the step reports instead, failed with <see cref="ClusterNotFound"/> when the
    /// cluster is gone, or its supersession when another operation acts on it.
    /// </summary>
    public static (StoredCluster? Stored, StepOutcome? Supersession) ForStep(this StoredCluster? stored, string resourceId, string operationId)
    {
        if (stored is null)
        {
            return (null, StepOutcome.Failed(ClusterNotFound(resourceId)));
        }

        return stored.Supersedes(operationId) is { } supersession
            ? (null, StepOutcome.Of(supersession))
            : (stored, null);
    }

    /// <summary>The error of a step whose cluster no longer exists.</summary>
    public static CloudErrorBody ClusterNotFound(string resourceId) =>
        new(CloudErrorCodes.ResourceNotFound, $"The cluster '{resourceId}' no longer exists.", resourceId);
}
