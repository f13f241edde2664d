using System.Text.Json;
using Aro.Api.Model;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.Tests.Network;

/// <summary>
/// Cluster documents in memory, each with the operation acting on it; like the real store, every read and write
/// copies the cluster (a JSON round trip) and only the current operation's changes are written.
/// </summary>
public sealed class InMemoryClusters : IClusterDocuments
{
    /// <summary>The operation acting on a cluster put without one: the tests' commands carry it.</summary>
    public const string CurrentOperationId = "op-1";

    private readonly Dictionary<string, StoredCluster> _clusters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public InMemoryClusters(params OpenShiftCluster[] clusters)
    {
        foreach (var cluster in clusters)
        {
            Put(cluster);
        }
    }

    /// <summary>The changes written.</summary>
    public int Updates { get; private set; }

    public void Put(OpenShiftCluster cluster, string operationId = CurrentOperationId)
    {
        lock (_lock)
        {
            _clusters[cluster.Id] = new StoredCluster(Copy(cluster), operationId);
        }
    }

    /// <summary>Hands the cluster to a new operation, as the frontend does when it accepts a request.</summary>
    public void StartOperation(string resourceId, string operationId)
    {
        lock (_lock)
        {
            _clusters[resourceId] = _clusters[resourceId] with { OperationId = operationId };
        }
    }

    public OpenShiftCluster? Stored(string resourceId)
    {
        lock (_lock)
        {
            return _clusters.TryGetValue(resourceId, out var stored) ? Copy(stored.Cluster) : null;
        }
    }

    public void Remove(string resourceId)
    {
        lock (_lock)
        {
            _clusters.Remove(resourceId);
        }
    }

    public Task<StoredCluster?> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_clusters.TryGetValue(resourceId, out var stored) ? Copy(stored) : null);
        }
    }

    public Task<StoredCluster?> UpdateAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_clusters.TryGetValue(resourceId, out var stored))
            {
                return Task.FromResult<StoredCluster?>(null);
            }

            if (stored.Supersedes(operationId) is null)
            {
                var changed = Copy(stored.Cluster);
                change(changed);
                stored = stored with { Cluster = changed };
                _clusters[resourceId] = stored;
                Updates++;
            }

            return Task.FromResult<StoredCluster?>(Copy(stored));
        }
    }

    private static StoredCluster Copy(StoredCluster stored) => stored with { Cluster = Copy(stored.Cluster) };

    private static OpenShiftCluster Copy(OpenShiftCluster cluster) =>
        JsonSerializer.Deserialize<OpenShiftCluster>(JsonSerializer.Serialize(cluster))!;
}
