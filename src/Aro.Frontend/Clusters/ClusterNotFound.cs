using System.Net;
using Aro.Api;
using Aro.Api.Resources;
using Aro.Frontend.Http;

namespace Aro.Frontend.Clusters;

internal static class ClusterNotFound
{
    /// <summary>The reference RP's 404 for a cluster that does not exist.</summary>
    public static CloudError For(ArmRequest request) => For(request.ResourceGroupName, request.ResourceName);

    /// <summary>The same 404 for a cluster known by its stored key (its lower-cased resource id).</summary>
    public static CloudError For(string clusterKey)
    {
        // /subscriptions/{sub}/resourcegroups/{group}/providers/{namespace}/{type}/{name}
        var segments = clusterKey.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return For(segments.ElementAtOrDefault(3) ?? "", segments.ElementAtOrDefault(7) ?? "");
    }

    private static CloudError For(string resourceGroupName, string resourceName) =>
        new(HttpStatusCode.NotFound, CloudErrorCodes.ResourceNotFound, null,
            $"The Resource '{ResourceProvider.OpenShiftClustersType.ToLowerInvariant()}/{resourceName}' under resource group '{resourceGroupName}' was not found.");
}
