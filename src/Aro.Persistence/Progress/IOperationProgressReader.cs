namespace Aro.Persistence.Progress;

/// <summary>
/// The progress of the operation acting on a cluster, read where the backend keeps it (the lifecycle saga's instance,
/// written on each of its transitions anyway) rather than copied onto the async operation document by a write per step.
/// </summary>
public interface IOperationProgressReader
{
    /// <summary>The progress of the cluster's current operation, or null when the backend has none on record (yet).</summary>
    Task<OperationProgress?> GetAsync(string clusterResourceId, CancellationToken cancellationToken);
}
