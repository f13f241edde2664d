using Aro.Api.Model;
using Aro.Consumers.Clusters;
using Aro.Consumers.Projection;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Rp.Backend;

/// <summary>
/// The consumers' narrow views of the store (<see cref="IClusterDocuments"/>, <see cref="IClusterOperationStore"/>)
/// over the document stores: every change is an ETag-conditional read-modify-write, retried on conflict.
/// </summary>
internal sealed class StoredClusterDocuments(IOpenShiftClusterStore clusters, IAsyncOperationStore operations) : IClusterDocuments, IClusterOperationStore
{
    public async Task<OpenShiftCluster?> GetAsync(string resourceId, CancellationToken cancellationToken) =>
        (await clusters.GetAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), cancellationToken))?.OpenShiftCluster;

    public async Task<OpenShiftCluster?> UpdateAsync(string resourceId, Action<OpenShiftCluster> change, CancellationToken cancellationToken)
    {
        var document = await clusters.UpdateWithRetryAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), document =>
        {
            change(document.OpenShiftCluster);
            return true;
        }, cancellationToken);
        return document?.OpenShiftCluster;
    }

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

    private static bool IsCurrent(OpenShiftClusterDocument document, string operationId) =>
        string.Equals(document.AsyncOperationId, operationId, StringComparison.OrdinalIgnoreCase);

    // Clusters are partitioned by subscription: /subscriptions/{id}/...
    private static string PartitionKeyOf(string resourceId) =>
        OpenShiftClusterDocument.PartitionKeyFor(resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);
}
