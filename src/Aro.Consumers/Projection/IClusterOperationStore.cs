using Aro.Api.Model;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.Projection;

/// <summary>
/// What the projection needs from the store: the steps' conditional cluster write (<see cref="IClusterDocuments.UpdateAsync"/>),
/// the cluster's deletion and the operation's record, so late events of an older operation change nothing.
/// </summary>
public interface IClusterOperationStore : IClusterDocuments
{

    /// <summary>Deletes the cluster document if its current operation is <paramref name="operationId"/>.</summary>
    Task<bool> DeleteClusterAsync(string resourceId, string operationId, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the operation's record, if it exists; the change returns whether it changed anything.</summary>
    Task UpdateOperationAsync(string resourceId, string operationId, Func<AsyncOperation, bool> change, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="IClusterDocuments.UpdateAsync"/> (the cluster changed only while <paramref name="operationId"/> acts on
    /// it) and <see cref="UpdateOperationAsync"/> (the operation changed whatever the cluster did) as one write where
    /// the store allows it: an operation's outcome, settled on both documents at once.
    /// </summary>
    Task<StoredCluster?> UpdateWithOperationAsync(
        string resourceId, string operationId, Action<OpenShiftCluster> changeCluster, Func<AsyncOperation, bool> changeOperation, CancellationToken cancellationToken);
}
