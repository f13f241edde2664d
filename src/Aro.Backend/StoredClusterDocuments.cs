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
internal sealed class StoredClusterDocuments(IOpenShiftClusterStore clusters, IAsyncOperationStore operations, TimeProvider timeProvider) : IClusterOperationStore
{
    public async Task<StoredCluster?> GetAsync(string resourceId, CancellationToken cancellationToken) =>
        Stored(await clusters.GetAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), cancellationToken));

    public async Task<StoredCluster?> UpdateAsync(string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken) =>
        Stored(await clusters.UpdateWithRetryAsync(PartitionKeyOf(resourceId), OpenShiftClusterDocument.KeyFor(resourceId), OnBehalfOf(operationId, change), cancellationToken));

    public async Task<StoredCluster?> UpdateAsync(StoredCluster basis, string resourceId, string operationId, Action<OpenShiftCluster> change, CancellationToken cancellationToken)
    {
        // Only documents this class read in full (secrets opened) come back as a basis: writing one read without its
        // secrets would drop them.
        if (basis.StoreState is OpenShiftClusterDocument read && read.ETag is not null && OnBehalfOf(operationId, change)(read))
        {
            try
            {
                return Stored(await clusters.ReplaceAsync(read, cancellationToken));
            }
            catch (DocumentPreconditionFailedException)
            {
                // Written (or deleted) since the step read it: from what is stored now, as any other write.
            }
        }

        return await UpdateAsync(resourceId, operationId, change, cancellationToken);
    }

    public async Task<StoredCluster?> UpdateWithOperationAsync(
        string resourceId, string operationId, Action<OpenShiftCluster> changeCluster, Func<AsyncOperation, bool> changeOperation, CancellationToken cancellationToken) =>
        Stored(await clusters.UpdateWithOperationAsync(
            PartitionKeyOf(resourceId),
            OpenShiftClusterDocument.KeyFor(resourceId),
            OnBehalfOf(operationId, changeCluster),
            operationId.ToLowerInvariant(),
            document => changeOperation(document.AsyncOperation),
            cancellationToken));

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

    public async Task UpdateOperationAsync(string resourceId, string operationId, Func<AsyncOperation, bool> change, CancellationToken cancellationToken) =>
        await operations.UpdateWithRetryAsync(PartitionKeyOf(resourceId), operationId.ToLowerInvariant(), document => change(document.AsyncOperation), cancellationToken);

    /// <summary>A cluster change that applies only while <paramref name="operationId"/> acts on the cluster, and records its progress.</summary>
    private Func<OpenShiftClusterDocument, bool> OnBehalfOf(string operationId, Action<OpenShiftCluster> change) => document =>
    {
        // Checked on every attempt: the write that won a race may be the one that handed the cluster to another operation.
        if (!IsCurrent(document, operationId))
        {
            return false;
        }

        change(document.OpenShiftCluster);
        document.LastProgressAt = timeProvider.GetUtcNow();
        return true;
    };

    private static StoredCluster? Stored(OpenShiftClusterDocument? document) =>
        document is null ? null : new StoredCluster(document.OpenShiftCluster, document.AsyncOperationId) { StoreState = document };

    private static bool IsCurrent(OpenShiftClusterDocument document, string operationId) =>
        string.Equals(document.AsyncOperationId, operationId, StringComparison.OrdinalIgnoreCase);

    // Clusters are partitioned by subscription: /subscriptions/{id}/...
    private static string PartitionKeyOf(string resourceId) =>
        OpenShiftClusterDocument.PartitionKeyFor(resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);
}
