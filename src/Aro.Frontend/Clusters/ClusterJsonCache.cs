using System.Buffers;
using System.Text.Json;
using Aro.Api.Versioning;
using Aro.Frontend.Http;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Clusters;

/// <summary>
/// The JSON a GET or list last answered for each cluster, per api-version, with the ETag of the document it was made
/// from. Every read still asks the store for the cluster's current ETag (which leaves an unchanged body unread) and
/// answers the remembered bytes only when it matches, so no read ever shows a version the store no longer holds, each
/// frontend process may keep its own, and a changed cluster costs one full read. What it saves is most of a read:
/// loading the 21 KB document, turning it into the external model and writing that as JSON. Whole list pages are
/// remembered the same way (<see cref="ClusterListPage"/>), checked against the versions the store lists.
/// Bounded in bytes (<see cref="FrontendOptions.ClusterJsonCacheMegabytes"/>), least recently used first out.
/// </summary>
internal sealed class ClusterJsonCache : IDisposable
{
    // What an entry costs besides its JSON: the key's strings, the entry and the cache's bookkeeping, roughly.
    private const int EntryOverheadBytes = 512;

    private readonly MemoryCache? _cache;

    public ClusterJsonCache(IOptions<FrontendOptions> options)
    {
        var megabytes = options.Value.ClusterJsonCacheMegabytes;
        _cache = megabytes == 0 ? null : new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L });
    }

    /// <summary>What was last shown of the cluster stored under <paramref name="clusterKey"/> in <paramref name="apiVersion"/>, if anything.</summary>
    public ClusterJson? Find(string apiVersion, string clusterKey) =>
        _cache is not null && _cache.TryGetValue(new Key(apiVersion, clusterKey), out ClusterJson? json) ? json : null;

    /// <summary>
    /// The JSON of <paramref name="version"/> in <paramref name="api"/>'s shape: <paramref name="known"/>'s (what
    /// <see cref="Find"/> returned before the store was read) when it is of the same ETag, else made from the
    /// document and remembered.
    /// </summary>
    public byte[] JsonOf(IOpenShiftClusterApi api, DocumentVersion<OpenShiftClusterWithoutSecrets> version, ClusterJson? known) =>
        ClusterJsonOf(api, version, known).Json;

    /// <summary><see cref="JsonOf"/>, with the ETag of the version it shows.</summary>
    public ClusterJson ClusterJsonOf(IOpenShiftClusterApi api, DocumentVersion<OpenShiftClusterWithoutSecrets> version, ClusterJson? known)
    {
        if (known is not null && string.Equals(known.ETag, version.ETag, StringComparison.Ordinal))
        {
            return known;
        }

        var document = version.Document
            ?? throw new InvalidOperationException($"The store left out the document of '{version.Id}' although its ETag is not the one known.");
        var json = new ClusterJson(version.ETag, Render(api, document));
        _cache?.Set(new Key(api.ApiVersion, version.Id), json, new MemoryCacheEntryOptions { Size = json.Json.Length + EntryOverheadBytes });
        return json;
    }

    /// <summary>The list page last answered for <paramref name="key"/>, if it is still remembered.</summary>
    public ClusterListPage? FindPage(ClusterListPageKey key) =>
        _cache is not null && _cache.TryGetValue(key, out ClusterListPage? page) ? page : null;

    /// <summary>
    /// Remembers <paramref name="page"/> as the answer for <paramref name="key"/>, in the same budget as the clusters'
    /// JSON: a page of twenty found again costs one comparison, not twenty lookups and the page's assembly.
    /// </summary>
    public void RememberPage(ClusterListPageKey key, ClusterListPage page) =>
        _cache?.Set(key, page, new MemoryCacheEntryOptions { Size = page.Size + EntryOverheadBytes });

    public void Dispose() => _cache?.Dispose();

    private static byte[] Render(IOpenShiftClusterApi api, OpenShiftClusterWithoutSecrets document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, ArmJson.WriterOptions))
        {
            api.WriteResource(writer, document.OpenShiftCluster);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private readonly record struct Key(string ApiVersion, string ClusterKey);
}

/// <summary>A cluster's JSON as one api-version shows it, and the ETag of the document it was made from.</summary>
internal sealed record ClusterJson(string ETag, byte[] Json);
