using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Operations;

/// <summary>
/// DELETE marks the cluster Deleting and asks the backend to tear it down (<see cref="ClusterDeletion"/>): 202
/// with both polling headers, or 204 when there is nothing to delete.
/// </summary>
internal sealed class OpenShiftClusterDelete(
    IOpenShiftClusterStore clusters,
    SubscriptionStateValidator subscriptions,
    ClusterDeletion deletion,
    IOptions<FrontendOptions> options)
{
    public static Task<IResult> DeleteAsync(ArmRequest request, HttpRequest http, OpenShiftClusterDelete handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, http, cancellationToken);

    private async Task<IResult> HandleAsync(ArmRequest request, HttpRequest http, CancellationToken cancellationToken)
    {
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId);
        var preconditions = RequestPreconditions.Of(http);
        var existing = await clusters.GetAsync(partitionKey, request.ClusterKey, cancellationToken);
        if (existing is null)
        {
            return NothingToDelete(preconditions);
        }

        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Delete, cancellationToken);
        preconditions.Check(existing.ETag);
        ProvisioningStateGuard.EnsureTerminal(existing.OpenShiftCluster.Properties);

        // Checked again on the document the conditional write replaces, so a change in between is a 412, not lost.
        var operationId = await deletion.StartAsync(request.SubscriptionId, request.ClusterKey, current =>
        {
            preconditions.Check(current.ETag);
            ProvisioningStateGuard.EnsureTerminal(current.OpenShiftCluster.Properties);
            return true;
        }, cancellationToken);

        if (operationId is null)
        {
            // Deleted by someone else between the two reads.
            return NothingToDelete(preconditions);
        }

        AsyncOperationHeaders.Write(http, options.Value, request.SubscriptionId, operationId, withLocation: true);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    // 204, unless the caller made the delete conditional on the cluster existing (If-Match).
    private static IResult NothingToDelete(RequestPreconditions preconditions)
    {
        preconditions.Check(null);
        return Results.NoContent();
    }
}
