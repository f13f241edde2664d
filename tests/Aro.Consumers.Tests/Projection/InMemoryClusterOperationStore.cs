using Aro.Api.Model;
using Aro.Consumers.Clusters;
using Aro.Consumers.Projection;

namespace Aro.Consumers.Tests.Projection;

/// <summary>One cluster with its current operation, and the operation records, in memory.</summary>
internal sealed class InMemoryClusterOperationStore : IClusterOperationStore
{
    private readonly object _lock = new();

    public OpenShiftCluster? Cluster { get; set; }

    public string CurrentOperationId { get; set; } = "";

    public Dictionary<string, AsyncOperation> Operations { get; } = [];

    public Task<StoredCluster?> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Cluster is null ? null : new StoredCluster(Cluster, CurrentOperationId));
        }
    }

    public Task<StoredCluster?> UpdateAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Cluster is not null && operationId == CurrentOperationId)
            {
                change(Cluster);
            }

            return Task.FromResult(Cluster is null ? null : new StoredCluster(Cluster, CurrentOperationId));
        }
    }

    public Task<bool> DeleteClusterAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Cluster is null || operationId != CurrentOperationId)
            {
                return Task.FromResult(false);
            }

            Cluster = null;
            return Task.FromResult(true);
        }
    }

    public async Task<StoredCluster?> UpdateWithOperationAsync(
        string resourceId, string operationId, Action<OpenShiftCluster> changeCluster, Func<AsyncOperation, bool> changeOperation, CancellationToken cancellationToken)
    {
        var stored = await UpdateAsync(resourceId, operationId, changeCluster, cancellationToken);
        await UpdateOperationAsync(resourceId, operationId, changeOperation, cancellationToken);
        return stored;
    }

    public Task UpdateOperationAsync(string resourceId, string operationId, Func<AsyncOperation, bool> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Operations.TryGetValue(operationId, out var operation))
            {
                change(operation);
            }

            return Task.CompletedTask;
        }
    }
}
