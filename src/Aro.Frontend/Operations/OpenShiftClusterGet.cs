using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>GET a cluster: allowed in every subscription state but Deleted. Its secrets stay sealed: none is ever shown.</summary>
internal static class OpenShiftClusterGet
{
    public static async Task<IResult> HandleAsync(ArmRequest request, HttpResponse response, IOpenShiftClusterStore clusters, SubscriptionStateValidator subscriptions, CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var document = await clusters.GetWithoutSecretsAsync(OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), request.ClusterKey, cancellationToken)
            ?? throw ClusterNotFound.For(request);

        ETagHeader.Write(response, document.ETag);
        return ArmResults.Json(writer => request.Api.WriteResource(writer, document.OpenShiftCluster));
    }
}
