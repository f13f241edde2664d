using Aro.Api.Model;
using Aro.Frontend.Clusters;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Subscriptions;

/// <summary>
/// What a subscription's move to Deleted means for its clusters (ARM RPC: the RP deletes every resource of a
/// deleted subscription): each one starts a delete exactly as a DELETE request would (<see cref="ClusterDeletion"/>),
/// whatever it was doing, because the backend accepts a delete in any state. Clusters already Deleting keep their
/// operation, so running the cascade again (ARM repeats its PUT, or the first run was cut short) starts nothing twice.
/// </summary>
internal sealed class SubscriptionClusterDeletion(
    IOpenShiftClusterStore clusters,
    ClusterDeletion deletion,
    IOptions<FrontendOptions> options,
    ILogger<SubscriptionClusterDeletion> logger)
{
    /// <returns>How many clusters started a delete.</returns>
    public async Task<int> DeleteAllAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId);
        var started = 0;
        string? continuation = null;
        do
        {
            // Keyset pages in id order: the writes below change no id, so no cluster is skipped or seen twice.
            var page = await clusters.QueryAsync(partitionKey, null, continuation, options.Value.ListPageSize, cancellationToken);
            foreach (var document in page.Items.Where(d => !IsDeleting(d)))
            {
                var operationId = await deletion.StartAsync(subscriptionId, document.Id, current => !IsDeleting(current), cancellationToken);
                if (operationId is not null)
                {
                    started++;
                    logger.LogInformation("Deleting {ResourceId} (operation {OperationId}): its subscription was deleted", document.OpenShiftCluster.Id, operationId);
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return started;
    }

    private static bool IsDeleting(OpenShiftClusterDocument document) =>
        document.OpenShiftCluster.Properties.ProvisioningState == ProvisioningState.Deleting;
}
