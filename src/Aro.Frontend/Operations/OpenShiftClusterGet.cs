using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>
/// GET a cluster: allowed in every subscription state but Deleted. Its secrets stay sealed: none is ever shown. The
/// store is asked for the cluster unless it is still the version last shown, whose JSON is answered again.
/// </summary>
internal static class OpenShiftClusterGet
{
    public static async Task<IResult> HandleAsync(
        ArmRequest request, HttpResponse response, IOpenShiftClusterStore clusters, ClusterJsonCache shown, SubscriptionStateValidator subscriptions, CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var known = shown.Find(request.ApiVersion, request.ClusterKey);
        var version = await clusters.GetWithoutSecretsIfChangedAsync(OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), request.ClusterKey, known?.ETag, cancellationToken)
            ?? throw ClusterNotFound.For(request);

        ETagHeader.Write(response, version.ETag);
        return ArmResults.Json(shown.JsonOf(request.Api, version, known));
    }
}
