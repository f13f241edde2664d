using System.Net;
using Aro.Api;
using Aro.Frontend.Http;

namespace Aro.Frontend.Clusters;

internal static class ClusterNotFound
{
    /// <summary>The reference RP's 404 for a cluster that does not exist.</summary>
    public static CloudError For(ArmRequest request) =>
        new(HttpStatusCode.NotFound, CloudErrorCodes.ResourceNotFound, null,
            $"The Resource '{Api.Resources.ResourceProvider.OpenShiftClustersType.ToLowerInvariant()}/{request.ResourceName}' under resource group '{request.ResourceGroupName}' was not found.");
}
