using Aro.Api.Model;

namespace Aro.Consumers.Clusters;

/// <summary>
/// The consumers' narrow view of the cluster store: read a cluster with the operation acting on it, and change it
/// on behalf of an operation with optimistic concurrency (the host implements it over the document store; tests
/// over memory). Only the operation currently acting on a cluster may change it, so a late step command or event
/// of an operation that failed or was superseded (by a delete, say) can never write into a cluster that moved on.
/// </summary>
public interface IClusterDocuments
{
    /// <summary>The stored cluster and the operation acting on it, or null when it does not exist (any more).</summary>
    Task<StoredCluster?> GetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>
    /// The one conditional write of a cluster on behalf of an operation: applies <paramref name="change"/> to the
    /// stored cluster and writes it on its ETag, re-reading and re-applying on conflict, but only while
    /// <paramref name="operationId"/> is the operation acting on it (otherwise nothing is written). A write records
    /// the operation's progress, so the reconciler leaves it alone. Returns what is stored afterwards
    /// (<see cref="StoredCluster.Supersedes"/> tells whether the change applied), or null when the cluster is gone.
    /// </summary>
    Task<StoredCluster?> UpdateAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="UpdateAsync(string, string, Action{OpenShiftCluster}, CancellationToken)"/> starting from
    /// <paramref name="basis"/>, the cluster as this step read it: the change is written on the ETag it was read with,
    /// so when nobody wrote since, the write needs no read of its own (one request fewer on Cosmos DB); when somebody
    /// did, it reads and applies the change again as usual. The change may be applied to <paramref name="basis"/>'s
    /// cluster, which the caller must not use afterwards: what is stored afterwards is what this returns.
    /// </summary>
    Task<StoredCluster?> UpdateAsync(StoredCluster basis, string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken) =>
        UpdateAsync(resourceId, operationId, change, cancellationToken);
}
