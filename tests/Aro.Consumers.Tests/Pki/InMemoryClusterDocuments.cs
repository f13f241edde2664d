using System.Text.Json;
using Aro.Api.Model;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.Tests.Pki;

/// <summary>
/// Clusters in memory. Like the real store, every read and write copies the document (a JSON round
/// trip), so a caller never changes stored state except through <see cref="UpdateAsync"/>.
/// </summary>
internal sealed class InMemoryClusterDocuments : IClusterDocuments
{
    private readonly Dictionary<string, OpenShiftCluster> _clusters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public int Updates { get; private set; }

    public void Put(OpenShiftCluster cluster)
    {
        lock (_lock)
        {
            _clusters[cluster.Id] = Copy(cluster);
        }
    }

    public OpenShiftCluster? Stored(string resourceId)
    {
        lock (_lock)
        {
            return _clusters.TryGetValue(resourceId, out var cluster) ? Copy(cluster) : null;
        }
    }

    public Task<OpenShiftCluster?> GetAsync(string resourceId, CancellationToken cancellationToken) =>
        Task.FromResult(Stored(resourceId));

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
            Updates++;
            return Task.FromResult<OpenShiftCluster?>(Copy(changed));
        }
    }

    private static OpenShiftCluster Copy(OpenShiftCluster cluster) =>
        JsonSerializer.Deserialize<OpenShiftCluster>(JsonSerializer.Serialize(cluster))!;
}
