using Aro.Api.Model;
using Aro.Frontend.AsyncOperations;
using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Operations;

/// <summary>
/// GET .../locations/{location}/operationresults/{operationId}, the Location URL of PATCH and DELETE (ARM RPC).
/// While the operation runs: 202 pointing at itself. Once it ended: what the call would have answered had it
/// been synchronous: the cluster in the caller's api-version (200) after a create or update, 204 after a
/// delete, the operation's CloudError after a failure (status chosen by <see cref="FailedOperationStatus"/>).
/// </summary>
internal static class AsyncOperationResultGet
{
    public static async Task<IResult> HandleAsync(
        ArmRequest request,
        HttpRequest http,
        AsyncOperationReader operations,
        IOpenShiftClusterStore clusters,
        SubscriptionStateValidator subscriptions,
        IOptions<FrontendOptions> options,
        CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var document = await operations.GetAsync(request.SubscriptionId, request.OperationId, cancellationToken);
        var operation = document.AsyncOperation;
        if (!operation.Status.IsTerminal())
        {
            http.HttpContext.Response.Headers.Location = AsyncOperationUrls.OperationResults(http, request.SubscriptionId, options.Value.Location, request.OperationId);
            AsyncOperationHeaders.WriteRetryAfter(http.HttpContext.Response, options.Value);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        if (operation.Status == ProvisioningState.Failed)
        {
            var error = operation.Error ?? FailedOperationStatus.UnknownError;
            return CloudErrorResponse.Result((int)FailedOperationStatus.For(error), error);
        }

        if (document.InitialProvisioningState == ProvisioningState.Deleting)
        {
            return Results.NoContent();
        }

        // The cluster as it is now, as a GET would show it: the projection writes the cluster before it ends
        // the operation, so this is never older than the outcome. Deleted since, it is gone like for a GET.
        var cluster = await clusters.GetWithoutSecretsAsync(document.PartitionKey, document.OpenShiftClusterKey, cancellationToken)
            ?? throw ClusterNotFound.For(document.OpenShiftClusterKey);
        return ArmResults.Json(writer => request.Api.WriteResource(writer, cluster.OpenShiftCluster));
    }
}
