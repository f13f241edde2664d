using Aro.Frontend.Paging;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Clusters;

/// <summary>Which list page: its api-version, its scope (a subscription or a resource group) and the store's continuation it starts after.</summary>
internal readonly record struct ClusterListPageKey(string ApiVersion, string Scope, string? Continuation);

/// <summary>A cluster as a list page showed it: its id and the JSON of the version shown.</summary>
internal readonly record struct ShownCluster(string Id, ClusterJson Json);

/// <summary>
/// A list page as it was last answered: the versions of the clusters it showed, in order; the store's continuation
/// after it; what its nextLink was made from (the caller's address, and the key that signed its $skipToken); and the
/// bytes. Answered again only when the store finds the very same versions and continuation and the nextLink would be
/// the same, so a page answered from it is byte for byte the one that would be made afresh.
/// </summary>
internal sealed class ClusterListPage(IReadOnlyList<ShownCluster> clusters, string? continuation, NextLinkSource linkSource, string? signingKeyId, byte[] json)
{
    public byte[] Json => json;

    /// <summary>What the page costs to keep, roughly: its bytes, and its clusters' JSON, which it keeps alive.</summary>
    public long Size => json.Length + clusters.Sum(cluster => (long)cluster.Json.Json.Length + 128);

    /// <summary>The JSON of the page's cluster at <paramref name="position"/>, if that is <paramref name="id"/> in version <paramref name="etag"/>.</summary>
    public ClusterJson? At(int position, string id, string etag) =>
        position < clusters.Count && clusters[position] is var shown
            && string.Equals(shown.Json.ETag, etag, StringComparison.Ordinal) && string.Equals(shown.Id, id, StringComparison.Ordinal)
            ? shown.Json
            : null;

    /// <summary>The JSON this page showed of <paramref name="id"/> in version <paramref name="etag"/>, wherever it was.</summary>
    public ClusterJson? Find(string id, string etag)
    {
        for (var position = 0; position < clusters.Count; position++)
        {
            if (At(position, id, etag) is { } shown)
            {
                return shown;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether this page is the answer to <paramref name="page"/> (what the store found now) for a caller whose nextLink
    /// would be made from <paramref name="source"/> and signed with <paramref name="currentKeyId"/>'s key.
    /// </summary>
    public bool Answers(DocumentPage<DocumentVersion<OpenShiftClusterWithoutSecrets>> page, NextLinkSource source, Func<string> currentKeyId)
    {
        if (page.Items.Count != clusters.Count || !string.Equals(page.ContinuationToken, continuation, StringComparison.Ordinal))
        {
            return false;
        }

        for (var position = 0; position < clusters.Count; position++)
        {
            if (At(position, page.Items[position].Id, page.Items[position].ETag) is null)
            {
                return false;
            }
        }

        // The last page has no nextLink, so nothing of the caller's is in it.
        return continuation is null || (source == linkSource && string.Equals(currentKeyId(), signingKeyId, StringComparison.Ordinal));
    }
}
