using Aro.Api.Model;
using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>
/// POST listCredentials (and the original .../credentials route): the kubeadmin credentials, the only
/// place a secret ever leaves the RP.
/// </summary>
internal static class OpenShiftClusterListCredentials
{
    public static async Task<IResult> HandleAsync(
        ArmRequest request,
        HttpRequest http,
        IOpenShiftClusterStore clusters,
        SubscriptionStateValidator subscriptions,
        CancellationToken cancellationToken)
    {
        // The body carries nothing, but if there is one it must be JSON.
        await RequestBody.ReadJsonAsync(http, cancellationToken);

        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Write, cancellationToken);

        var document = await clusters.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), request.ClusterKey, cancellationToken)
            ?? throw ClusterNotFound.For(request);

        var properties = document.OpenShiftCluster.Properties;
        ProvisioningStateGuard.EnsureCredentialsAvailable(properties);

        return ArmResults.Json(request.Api.WriteCredentials(properties.Credentials ?? new ClusterCredentials()));
    }
}
