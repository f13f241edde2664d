using Aro.Api.Model;
using Aro.Frontend.Http;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>GET the clusters of a subscription or of one of its resource groups: a single-partition prefix query.</summary>
internal static class OpenShiftClusterList
{
    private const int PageSize = 100;

    public static async Task<IResult> HandleAsync(ArmRequest request, IOpenShiftClusterStore clusters, CancellationToken cancellationToken)
    {
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId);
        var found = new List<OpenShiftCluster>();
        string? continuation = null;
        do
        {
            var page = await clusters.QueryAsync(partitionKey, request.ListPrefix, continuation, PageSize, cancellationToken);
            found.AddRange(page.Items.Select(d => d.OpenShiftCluster));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return ArmResults.Json(request.Api.WriteList(found, nextLink: null));
    }
}
