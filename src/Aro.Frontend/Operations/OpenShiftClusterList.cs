using Aro.Frontend.Http;
using Aro.Frontend.Paging;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Operations;

/// <summary>
/// GET the clusters of a subscription or of one of its resource groups, one page at a time: a single-partition
/// prefix query in id order, continued strictly after the last id of the previous page. A client following
/// nextLink therefore sees every cluster that exists throughout exactly once, whatever is created or deleted
/// between its requests. Secrets stay sealed, as for a GET.
/// </summary>
internal static class OpenShiftClusterList
{
    public static async Task<IResult> HandleAsync(
        ArmRequest request,
        HttpRequest http,
        IOpenShiftClusterStore clusters,
        SkipTokenProtector skipTokens,
        SubscriptionStateValidator subscriptions,
        IOptions<FrontendOptions> options,
        CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var scope = request.ListPrefix;
        var skipToken = http.Query[SkipTokenProtector.QueryParameter].ToString();
        var continuation = skipToken.Length == 0 ? null : skipTokens.Unprotect(scope, skipToken);

        var page = await clusters.QueryWithoutSecretsAsync(
            OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), scope, continuation, options.Value.ListPageSize, cancellationToken);

        var nextLink = page.ContinuationToken is null
            ? null
            : NextLink.Build(http, request.ApiVersion, skipTokens.Protect(scope, page.ContinuationToken));
        return ArmResults.Json(writer => request.Api.WriteList(writer, page.Items.Select(d => d.OpenShiftCluster), nextLink));
    }
}
