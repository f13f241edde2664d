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
/// with that JSON, its document left unread; a page whose every cluster is unchanged is answered whole as it was.
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

        var pageKey = new ClusterListPageKey(request.ApiVersion, scope, continuation);
        var shownPage = shown.FindPage(pageKey);
        var position = 0;
        Dictionary<KnownVersion, ClusterJson>? known = null;
        var page = await clusters.QueryWithoutSecretsIfChangedAsync(
            OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), scope, continuation, options.Value.ListPageSize, IsKnown, cancellationToken);

        var linkSource = NextLinkSource.Of(http);
        if (shownPage is not null && shownPage.Answers(page, linkSource, () => skipTokens.CurrentKeyId))
        {
            return new ArmJsonBytesResult(shownPage.Json);
        }

        // The key is read before the token is signed: a ring turning in between can only make the page be made again.
        var signingKeyId = page.ContinuationToken is null ? null : skipTokens.CurrentKeyId;
        var nextLink = page.ContinuationToken is null
            ? null
            : NextLink.Build(http, request.ApiVersion, skipTokens.Protect(scope, page.ContinuationToken));
        var items = page.Items.Select(version => new ShownCluster(version.Id, shown.ClusterJsonOf(request.Api, version, KnownJsonOf(version)))).ToList();
        var json = ArmList.Json(items.ConvertAll(item => item.Json.Json), nextLink);
        shown.RememberPage(pageKey, new ClusterListPage(items, page.ContinuationToken, linkSource, signingKeyId, json));
        return new ArmJsonBytesResult(json);

        // Asked for each row in the store's order: the page shown before answers for its own clusters at their places
        // without a lookup; any other cluster is looked up by itself.
        bool IsKnown(string id, string etag)
        {
            if (shownPage?.At(position++, id, etag) is not null)
            {
                return true;
            }

            if (shown.Find(request.ApiVersion, id) is not { } json || !string.Equals(json.ETag, etag, StringComparison.Ordinal))
            {
                return false;
            }

            // Held from here on: the cache may let it go before the page is written.
            (known ??= new())[new KnownVersion(etag, id)] = json;
            return true;
        }

        ClusterJson? KnownJsonOf(DocumentVersion<OpenShiftClusterWithoutSecrets> version) =>
            known?.GetValueOrDefault(new KnownVersion(version.ETag, version.Id)) ?? shownPage?.Find(version.Id, version.ETag);
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
