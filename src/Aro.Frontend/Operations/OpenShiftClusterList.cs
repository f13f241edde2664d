using Aro.Frontend.Clusters;
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
/// between its requests. Secrets stay sealed, as for a GET, and a cluster unchanged since it was last shown is answered
/// with that JSON, its document left unread.
/// </summary>
internal static class OpenShiftClusterList
{
    public static async Task<IResult> HandleAsync(
        ArmRequest request,
        HttpRequest http,
        IOpenShiftClusterStore clusters,
        ClusterJsonCache shown,
        SkipTokenProtector skipTokens,
        SubscriptionStateValidator subscriptions,
        IOptions<FrontendOptions> options,
        CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var scope = request.ListPrefix;
        var skipToken = http.Query[SkipTokenProtector.QueryParameter].ToString();
        var continuation = skipToken.Length == 0 ? null : skipTokens.Unprotect(scope, skipToken);

        var known = new Dictionary<KnownVersion, ClusterJson>();
        var page = await clusters.QueryWithoutSecretsIfChangedAsync(
            OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), scope, continuation, options.Value.ListPageSize, IsKnown, cancellationToken);

        var nextLink = page.ContinuationToken is null
            ? null
            : NextLink.Build(http, request.ApiVersion, skipTokens.Protect(scope, page.ContinuationToken));
        var items = page.Items.Select(version => shown.JsonOf(request.Api, version, known.GetValueOrDefault(new KnownVersion(version.ETag, version.Id)))).ToList();
        var (json, length) = ArmList.Json(items, nextLink);
        return ArmJsonBytesResult.Rented(json, length);

        bool IsKnown(string id, string etag)
        {
            if (shown.Find(request.ApiVersion, id) is not { } json || !string.Equals(json.ETag, etag, StringComparison.Ordinal))
            {
                return false;
            }

            // Held from here on: the cache may let it go before the page is written.
            known[new KnownVersion(etag, id)] = json;
            return true;
        }
    }

    /// <summary>
    /// A version of a cluster by its ETag and id. Hashed on the ETag alone, a quarter of an id's length (a list page
    /// hashed each of its ids twice); the id is still compared, as no store promises ETags unique across documents.
    /// </summary>
    private readonly record struct KnownVersion(string ETag, string Id)
    {
        public bool Equals(KnownVersion other) =>
            string.Equals(ETag, other.ETag, StringComparison.Ordinal) && string.Equals(Id, other.Id, StringComparison.Ordinal);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ETag);
    }
}
