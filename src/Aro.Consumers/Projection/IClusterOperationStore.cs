using Aro.Api.Model;

namespace Aro.Consumers.Projection;

/// <summary>
/// What the projection needs from the store: changes that apply only while the cluster's current
/// operation is still the one an event belongs to, so late events of an older operation change nothing.
/// </summary>
public interface IClusterOperationStore
{
    /// <summary>Applies <paramref name="change"/> if the cluster exists and its current operation is <paramref name="operationId"/>.</summary>
    /// <returns>Whether the change was applied.</returns>
    Task<bool> UpdateClusterAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken);

    /// <summary>Deletes the cluster document if its current operation is <paramref name="operationId"/>.</summary>
    Task<bool> DeleteClusterAsync(string resourceId, string operationId, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the operation's record, if it exists.</summary>
    Task UpdateOperationAsync(string resourceId, string operationId, Action<AsyncOperation> change, CancellationToken cancellationToken);
}
