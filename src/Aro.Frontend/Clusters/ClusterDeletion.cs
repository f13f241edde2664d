using Aro.Api.Model;
using Aro.Contracts;
using Aro.Frontend.AsyncOperations;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Clusters;

/// <summary>
/// The one way a cluster starts being deleted, whether a DELETE asked for it or its subscription was deleted:
/// a new async operation, then the document committed Deleting and pointing at it, then ClusterDeleteRequested.
/// Commit before publish: a failed publish leaves an unsettled cluster, which the backend's reconciler finds
/// and publishes again; a failed commit leaves no message behind.
/// </summary>
internal sealed class ClusterDeletion(
    IOpenShiftClusterStore clusters,
    AsyncOperationStarter asyncOperations,
    IPublishEndpoint publishEndpoint,
    TimeProvider timeProvider,
    ILogger<ClusterDeletion> logger)
{
    /// <param name="admit">
    /// Decides on the document as read, again on every attempt of the conditional write, so that its decision
    /// holds for the document actually replaced: true to delete, false to leave the cluster alone; it throws to refuse.
    /// </param>
    /// <returns>The new operation's id; null when the cluster does not exist (any more) or <paramref name="admit"/> declined.</returns>
    public async Task<string?> StartAsync(string subscriptionId, string clusterKey, Func<OpenShiftClusterDocument, bool> admit, CancellationToken cancellationToken)
    {
        // The operation is recorded before the document points at it; if the update below does not happen, it is
        // an orphan nobody can reach, which is harmless.
        var operation = await asyncOperations.StartAsync(subscriptionId, clusterKey, ProvisioningState.Deleting, cancellationToken);
        var declined = false;
        var document = await clusters.UpdateWithRetryAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), clusterKey, current =>
        {
            declined = !admit(current);
            if (declined)
            {
                return false;
            }

            current.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Deleting;
            current.AsyncOperationId = operation.Id;
            current.LastProgressAt = timeProvider.GetUtcNow();
            return true;
        }, cancellationToken);

        if (document is null || declined)
        {
            return null;
        }

        var cluster = document.OpenShiftCluster;
        try
        {
            var request = ClusterOperationRequests.Delete(document, timeProvider.GetUtcNow());
            await publishEndpoint.Publish(request, cancellationToken);
            logger.LogInformation("Published {MessageType} for {ResourceId} (operation {OperationId})", nameof(ClusterDeleteRequested), cluster.Id, operation.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not publish the delete request for {ResourceId}; the reconciler will retry", cluster.Id);
        }

        return operation.Id;
    }
}
