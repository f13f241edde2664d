using Aro.Consumers.Clusters;

namespace Aro.Consumers.Scale;

/// <summary>Brings a cluster's workers to a total through its MachineSets.</summary>
public interface IWorkerScaler
{
    /// <summary>
    /// Done once the worker MachineSets ask for <paramref name="workerCount"/> machines in total and all are ready;
    /// otherwise the permanent problem. Transient failures (the API, the wait running out) throw. When
    /// <paramref name="operationId"/> no longer acts on the cluster (checked first and while waiting) it stops with a
    /// skipped outcome.
    /// </summary>
    Task<StepOutcome> ScaleAsync(string resourceId, string operationId, int workerCount, CancellationToken cancellationToken);
}
