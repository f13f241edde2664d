using Aro.Api.Model;

namespace Aro.Consumers.Clusters;

/// <summary>
/// The consumers' narrow view of the cluster store: read a cluster, and change it with optimistic
/// concurrency (the host implements it over the document store; tests over memory).
/// </summary>
public interface IClusterDocuments
{
    /// <summary>The stored cluster, or null when it does not exist (any more).</summary>
    Task<OpenShiftCluster?> GetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored cluster and writes it conditionally on its ETag,
    /// re-reading and re-applying on conflict. Returns the stored result, or null when the cluster is gone.
    /// </summary>
    Task<OpenShiftCluster?> UpdateAsync(string resourceId, Action<OpenShiftCluster> change, CancellationToken cancellationToken);
}
