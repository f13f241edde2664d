using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>
/// In-process control of the simulated clusters served under /_kubernetes/{clusterKey}/.
/// A cluster key is the cluster resource group name, lower-cased.
/// </summary>
public sealed class SimulatedClusters
{
    private readonly LocalCloudStore _store;
    private readonly MachineController _controller;
    private readonly LocalCloudOptions _options;

    internal SimulatedClusters(LocalCloudStore store, MachineController controller, LocalCloudOptions options)
    {
        _store = store;
        _controller = controller;
        _options = options;
    }

    /// <summary>Creates the cluster if it does not exist (otherwise a MachineSet POST creates it).</summary>
    public void Ensure(string clusterKey, string? openShiftVersion = null)
    {
        var key = clusterKey.ToLowerInvariant();
        _store.Write(state =>
        {
            if (!state.Clusters.TryGetValue(key, out var cluster))
            {
                state.Clusters[key] = NewCluster(key, openShiftVersion ?? _options.OpenShiftVersion);
            }
            else if (openShiftVersion is not null)
            {
                cluster.OpenShiftVersion = openShiftVersion;
            }

            return true;
        });
    }

    public bool Exists(string clusterKey) => _store.Read(state => state.Clusters.ContainsKey(clusterKey.ToLowerInvariant()));

    public IReadOnlyList<string> Keys => _store.Read(state => state.Clusters.Keys.Order(StringComparer.Ordinal).ToList());

    public bool Remove(string clusterKey) => _store.Write(state => state.Clusters.Remove(clusterKey.ToLowerInvariant()));

    /// <summary>
    /// Runs the machine controller over every cluster now. Changes through the Kubernetes API already
    /// reconcile before they are answered; call this after changing ARM state behind the controller's back
    /// (e.g. a worker VM deleted) to have it put things right.
    /// </summary>
    public Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _store.Write(state =>
        {
            foreach (var (key, cluster) in state.Clusters)
            {
                // Reached by enumeration, not by key: say so, or the journal would miss what the controller changes.
                state.Clusters.Touch(key);
                _controller.Reconcile(state, cluster);
            }

            return true;
        });
        return Task.CompletedTask;
    }

    internal static SimulatedClusterState NewCluster(string key, string openShiftVersion) => new()
    {
        Key = key,
        OpenShiftVersion = openShiftVersion,
        ResourceVersion = 1,
    };
}
