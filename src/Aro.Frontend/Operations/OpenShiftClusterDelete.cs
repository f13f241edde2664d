using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Contracts;
using Aro.Frontend.AsyncOperations;
using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Operations;

/// <summary>
/// DELETE marks the cluster Deleting and asks the backend to tear it down: 202 with both polling
/// headers, or 204 when there is nothing to delete.
/// </summary>
internal sealed class OpenShiftClusterDelete(
    IOpenShiftClusterStore clusters,
    SubscriptionStateValidator subscriptions,
    AsyncOperationStarter asyncOperations,
    IPublishEndpoint publishEndpoint,
    IOptions<FrontendOptions> options,
    TimeProvider timeProvider,
    ILogger<OpenShiftClusterDelete> logger)
{
    public static Task<IResult> DeleteAsync(ArmRequest request, HttpRequest http, OpenShiftClusterDelete handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, http, cancellationToken);

    private async Task<IResult> HandleAsync(ArmRequest request, HttpRequest http, CancellationToken cancellationToken)
    {
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId);
        var existing = await clusters.GetAsync(partitionKey, request.ClusterKey, cancellationToken);
        if (existing is null)
        {
            return Results.NoContent();
        }

        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Delete, cancellationToken);
        ProvisioningStateGuard.EnsureTerminal(existing.OpenShiftCluster.Properties);

        // The operation is recorded before the document points at it; if the update below loses, it is an
        // orphan nobody can reach, which is harmless.
        var operation = await asyncOperations.StartAsync(request.SubscriptionId, request.ClusterKey, ProvisioningState.Deleting, cancellationToken);
        var document = await clusters.UpdateWithRetryAsync(partitionKey, request.ClusterKey, current =>
        {
            ProvisioningStateGuard.EnsureTerminal(current.OpenShiftCluster.Properties);
            current.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Deleting;
            current.AsyncOperationId = operation.Id;
            current.LastProgressAt = timeProvider.GetUtcNow();
            return true;
        }, cancellationToken);

        if (document is null)
        {
            // Deleted by someone else between the two reads.
            return Results.NoContent();
        }

        var cluster = document.OpenShiftCluster;
        try
        {
            await publishEndpoint.Publish(
                new ClusterDeleteRequested(ClusterIdentity.FromResourceId(cluster.Id), cluster.Id, operation.Id, timeProvider.GetUtcNow()),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The document is committed; the backend's reconciler re-publishes requests that show no progress.
            logger.LogWarning(ex, "Could not publish the delete request for {ResourceId}; the reconciler will retry", cluster.Id);
        }

        AsyncOperationHeaders.Write(http, options.Value, request.SubscriptionId, operation.Id, withLocation: true);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }
}
