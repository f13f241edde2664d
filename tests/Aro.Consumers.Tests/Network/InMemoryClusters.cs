using System.Text.Json;
using Aro.Api.Model;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.Tests.Network;

/// <summary>Cluster documents in memory; reads and writes copy, as a real store does.</summary>
public sealed class InMemoryClusters : IClusterDocuments
{
    private readonly Dictionary<string, OpenShiftCluster> _clusters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public InMemoryClusters(params OpenShiftCluster[] clusters)
    {
        foreach (var cluster in clusters)
        {
            _clusters[cluster.Id] = Copy(cluster);
        }
    }

    public Task<OpenShiftCluster?> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_clusters.TryGetValue(resourceId, out var cluster) ? Copy(cluster) : null);
        }
    }

    public Task<OpenShiftCluster?> UpdateAsync(string resourceId, Action<OpenShiftCluster> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_clusters.TryGetValue(resourceId, out var stored))
            {
                return Task.FromResult<OpenShiftCluster?>(null);
            }

            var changed = Copy(stored);
            change(changed);
            _clusters[resourceId] = changed;
            return Task.FromResult<OpenShiftCluster?>(Copy(changed));
        }
    }

    public void Remove(string resourceId)
    {
        lock (_lock)
        {
            _clusters.Remove(resourceId);
        }
    }

    private static OpenShiftCluster Copy(OpenShiftCluster cluster) =>
        JsonSerializer.Deserialize<OpenShiftCluster>(JsonSerializer.Serialize(cluster))!;
}
