using Aro.Api.Model;
using Aro.Consumers.Clusters;
using Aro.Consumers.Projection;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Backend;

/// <summary>
/// The consumers' narrow views of the store (<see cref="IClusterDocuments"/>, <see cref="IClusterOperationStore"/>)
/// over the document stores: every change is an ETag-conditional read-modify-write, retried on conflict.
/// </summary>
internal sealed class StoredClusterDocuments(IOpenShiftClusterStore clusters, IAsyncOperationStore operations) : IClusterDocuments, IClusterOperationStore
{
    public async Task<StoredCluster?> GetAsync(string resourceId, CancellationToken cancellationToken) =>
        Stored(await clusters.GetAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), cancellationToken));

    public async Task<StoredCluster?> UpdateAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken) =>
        Stored(await clusters.UpdateWithRetryAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), document =>
        {
            // Checked on every attempt: the write that won a race may be the one that handed the cluster to another operation.
            if (!IsCurrent(document, operationId))
            {
                return false;
            }

            change(document.OpenShiftCluster);
            return true;
        }, cancellationToken));

    public async Task<bool> UpdateClusterAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken)
    {
        var applied = false;
        await clusters.UpdateWithRetryAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), document =>
        {
            applied = IsCurrent(document, operationId);
            if (applied)
            {
                change(document.OpenShiftCluster);
                document.LastProgressAt = DateTimeOffset.UtcNow;
            }

            return applied;
        }, cancellationToken);
        return applied;
    }

    public async Task<bool> DeleteClusterAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var partitionKey = PartitionKeyOf(resourceId);
        var key = OpenShiftClusterDocument.KeyFor(resourceId);
        for (var attempt = 1; ; attempt++)
        {
            var document = await clusters.GetAsync(partitionKey, key, cancellationToken);
            if (document is null || !IsCurrent(document, operationId))
            {
                return false;
            }

            try
            {
                await clusters.DeleteAsync(document, cancellationToken);
                return true;
            }
            catch (DocumentPreconditionFailedException) when (attempt < 10)
            {
                // Changed under us: look again whether it is still ours to delete.
            }
        }
    }

    public async Task UpdateOperationAsync(string resourceId, string operationId, Action<AsyncOperation> change, CancellationToken cancellationToken) =>
        await operations.UpdateWithRetryAsync(PartitionKeyOf(resourceId), operationId.ToLowerInvariant(), document =>
        {
            change(document.AsyncOperation);
            return true;
        }, cancellationToken);

    private static StoredCluster? Stored(OpenShiftClusterDocument? document) =>
        document is null ? null : new StoredCluster(document.OpenShiftCluster, document.AsyncOperationId);

    private static bool IsCurrent(OpenShiftClusterDocument document, string operationId) =>
        string.Equals(document.AsyncOperationId, operationId, StringComparison.OrdinalIgnoreCase);

    // Clusters are partitioned by subscription: /subscriptions/{id}/...
    private static string PartitionKeyOf(string resourceId) =>
        OpenShiftClusterDocument.PartitionKeyFor(resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);
}
