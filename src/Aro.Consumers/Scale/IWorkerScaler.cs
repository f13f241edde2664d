using Aro.Api;

namespace Aro.Consumers.Scale;

/// <summary>Brings a cluster's workers to a total through its MachineSets.</summary>
public interface IWorkerScaler
{
    /// <summary>
    /// Null once the worker MachineSets ask for <paramref name="workerCount"/> machines in total and all are ready;
    /// otherwise the permanent problem. Transient failures (the API, the wait running out) throw.
    /// </summary>
    Task<CloudErrorBody?> ScaleAsync(string resourceId, int workerCount, CancellationToken cancellationToken);
}
