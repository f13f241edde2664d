using Aro.Frontend.Authentication;
using Aro.Frontend.Middleware;
using Aro.Frontend.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Aro.Frontend;

public static class FrontendApplicationBuilderExtensions
{
    private const string Cluster = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{resourceType}/{resourceName}";
    private const string ClustersInResourceGroup = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{resourceType}";
    private const string ClustersInSubscription = "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/{resourceType}";
    private const string OperationsStatus = "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/locations/{location}/operationsstatus/{operationId}";
    private const string OperationResults = "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/locations/{location}/operationresults/{operationId}";

    /// <summary>
    /// The ARM middleware, outermost first: correlation ids, who is calling (client certificates; a refusal ends the
    /// request there), error bodies, CloudErrors for routing misses.
    /// </summary>
    public static IApplicationBuilder UseAroFrontend(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestCorrelationMiddleware>()
            .UseMiddleware<ClientCertificateAuthorizationMiddleware>()
            .UseMiddleware<CloudErrorMiddleware>()
            .UseMiddleware<EmptyErrorResponseMiddleware>();

    /// <summary>Maps every ARM operation of Microsoft.RedHatOpenShift/openShiftClusters (route matching is case-insensitive).</summary>
    public static IEndpointRouteBuilder MapAroFrontend(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Cluster, OpenShiftClusterGet.HandleAsync).WithName("OpenShiftClusters_Get");
        endpoints.MapPut(Cluster, OpenShiftClusterPutOrPatch.PutAsync).WithName("OpenShiftClusters_CreateOrUpdate");
        endpoints.MapPatch(Cluster, OpenShiftClusterPutOrPatch.PatchAsync).WithName("OpenShiftClusters_Update");
        endpoints.MapDelete(Cluster, OpenShiftClusterDelete.DeleteAsync).WithName("OpenShiftClusters_Delete");
        endpoints.MapPost(Cluster + "/listCredentials", OpenShiftClusterListCredentials.HandleAsync).WithName("OpenShiftClusters_ListCredentials");
        endpoints.MapPost(Cluster + "/credentials", OpenShiftClusterListCredentials.HandleAsync).WithName("OpenShiftClusters_Credentials");
        endpoints.MapGet(ClustersInResourceGroup, OpenShiftClusterList.HandleAsync).WithName("OpenShiftClusters_ListByResourceGroup");
        endpoints.MapGet(ClustersInSubscription, OpenShiftClusterList.HandleAsync).WithName("OpenShiftClusters_List");
        endpoints.MapGet(OperationsStatus, AsyncOperationStatusGet.HandleAsync).WithName("OperationsStatus_Get");
        endpoints.MapGet(OperationResults, AsyncOperationResultGet.HandleAsync).WithName("OperationResults_Get");
        endpoints.MapGet("/providers/{resourceProviderNamespace}/operations", OperationsList.Handle).WithName("Operations_List");
        endpoints.MapPut("/subscriptions/{subscriptionId}", SubscriptionPut.HandleAsync).WithName("Subscriptions_Put");
        return endpoints;
    }
}
