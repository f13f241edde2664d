using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Cosmos;

/// <summary>
/// One document kind in one Cosmos DB container partitioned on /partitionKey. Bodies are written and read as
/// streams in the <see cref="DocumentJsonSerializer"/>'s shape (secrets sealed before they leave the process), so
/// documents look the same as in SQLite. Every write is conditional on the document's ETag (If-Match), and every
/// query names its partition key.
/// </summary>
/// <remarks>
/// Cosmos DB forbids '/' (and '\', '?', '#') in an item id, and a cluster's id is its resource id. So, as in the
/// reference RP, the document's own id is stored as <c>key</c> (what queries filter and order on) and the item id
/// is derived from it (<see cref="ItemId"/>), which keeps reads and writes point operations on a known id.
/// </remarks>
public class CosmosDocumentStore<TDocument> : IDocumentStore<TDocument>, IStoreSchema
    where TDocument : class, IDocument
{
    private const string IdProperty = "id";
    private const string KeyProperty = "key";

    private readonly CosmosDatabase _database;
    private readonly DocumentJsonSerializer _serializer;
    private readonly OneTimeInitialization _schema;

    public CosmosDocumentStore(CosmosDatabase database, DocumentJsonSerializer serializer, string containerName)
    {
        _database = database;
        _serializer = serializer;
        ContainerName = containerName;
        Container = database.Container(containerName);
        _schema = new OneTimeInitialization(cancellationToken => database.EnsureContainerAsync(containerName, cancellationToken));
    }

    public string ContainerName { get; }

    protected Container Container { get; }

    public virtual async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _schema.EnsureAsync(cancellationToken);

    public Task<TDocument?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        GetAsync(partitionKey, id, openSecrets: true, cancellationToken);

    public Task<DocumentPage<TDocument>> QueryAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        QueryAsync(partitionKey, idPrefix, continuationToken, pageSize, openSecrets: true, cancellationToken);

    /// <summary><see cref="GetAsync(string, string, CancellationToken)"/> with the document's secrets left sealed (and empty): never to be written back.</summary>
    protected Task<TDocument?> GetDocumentWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        GetAsync(partitionKey, id, openSecrets: false, cancellationToken);

    /// <summary><see cref="QueryAsync(string, string?, string?, int, CancellationToken)"/> with secrets left sealed, as <see cref="GetDocumentWithoutSecretsAsync"/>.</summary>
    protected Task<DocumentPage<TDocument>> QueryDocumentsWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        QueryAsync(partitionKey, idPrefix, continuationToken, pageSize, openSecrets: false, cancellationToken);

    private async Task<TDocument?> GetAsync(string partitionKey, string id, bool openSecrets, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        using var response = await Container.ReadItemStreamAsync(ItemId(id), new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return Materialize(body.RootElement, openSecrets);
    }

    /// <summary>
    /// The document's version for a reader that holds the one stored under <paramref name="knownETag"/>: asked with
    /// If-None-Match, Cosmos DB answers 304 without the body (and charges less) when it is unchanged. A server that
    /// ignores the header sends the body, which is read as any other (secrets left sealed).
    /// </summary>
    protected async Task<DocumentVersion<TDocument>?> GetVersionWithoutSecretsAsync(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var options = knownETag is null ? null : new ItemRequestOptions { IfNoneMatchEtag = knownETag };
        using var response = await Container.ReadItemStreamAsync(ItemId(id), new PartitionKey(partitionKey), options, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new DocumentVersion<TDocument>(id, knownETag!, null);
        }

        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        var document = Materialize(body.RootElement, openSecrets: false);
        return new DocumentVersion<TDocument>(document.Id, document.ETag!, document);
    }

    public virtual async Task<TDocument> CreateAsync(TDocument document, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        using var content = Serialize(document);
        using var response = await Container.CreateItemStreamAsync(content, new PartitionKey(document.PartitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new DocumentConflictException(document.Id);
        }

        response.EnsureSuccessStatusCode();
        document.ETag = await CosmosETag.OfAsync(response, cancellationToken);
        return document;
    }

    public async Task<TDocument> ReplaceAsync(TDocument document, CancellationToken cancellationToken)
    {
        var etag = RequireETag(document);
        await _schema.EnsureAsync(cancellationToken);
        using var content = Serialize(document);
        using var response = await Container.ReplaceItemStreamAsync(
            content,
            ItemId(document.Id),
            new PartitionKey(document.PartitionKey),
            new ItemRequestOptions { IfMatchEtag = etag },
            cancellationToken);
        ThrowIfChangedOrGone(response, document);
        document.ETag = await CosmosETag.OfAsync(response, cancellationToken);
        return document;
    }

    public virtual async Task DeleteAsync(TDocument document, CancellationToken cancellationToken)
    {
        var etag = RequireETag(document);
        await _schema.EnsureAsync(cancellationToken);
        using var response = await Container.DeleteItemStreamAsync(
            ItemId(document.Id),
            new PartitionKey(document.PartitionKey),
            new ItemRequestOptions { IfMatchEtag = etag },
            cancellationToken);
        ThrowIfChangedOrGone(response, document);
    }

    private async Task<DocumentPage<TDocument>> QueryAsync(
        string partitionKey,
        string? idPrefix,
        string? continuationToken,
        int pageSize,
        bool openSecrets,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);

        // Keyset paging on id, as in SQLite, rather than the SDK's continuation: a page starts strictly after the
        // last id seen, so writes between pages never shift it, and the token means the same on either store.
        // Testing c.partitionKey keeps the query inside one partition (and is what a local test server requires).
        var sql = new StringBuilder("SELECT TOP @limit * FROM c WHERE c.partitionKey = @partitionKey");
        var parameters = new List<(string, object)> { ("@partitionKey", partitionKey), ("@limit", pageSize + 1) };
        if (continuationToken is not null)
        {
            sql.Append(" AND c.key > @after");
            parameters.Add(("@after", KeysetContinuationToken.Decode(continuationToken)));
        }

        if (!string.IsNullOrEmpty(idPrefix))
        {
            sql.Append(" AND STARTSWITH(c.key, @prefix)");
            parameters.Add(("@prefix", idPrefix));
        }

        sql.Append(" ORDER BY c.key");
        var query = new QueryDefinition(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            query = query.WithParameter(name, value);
        }

        return await KeysetContinuationToken.PageAsync(QueryAsync(query, new PartitionKey(partitionKey), pageSize + 1, openSecrets, cancellationToken), pageSize, cancellationToken);
    }

    /// <summary>
    /// Every document of every partition, as a ReadFeed: a plain read of the container's documents, page by page,
    /// partition key range by partition key range. It needs no query plan, so it works on real accounts and on a
    /// local test server alike. Only for the backend's sweeps over all subscriptions, never for client requests:
    /// it costs in proportion to the whole container.
    /// </summary>
    protected IAsyncEnumerable<TDocument> ReadAllPartitionsAsync(CancellationToken cancellationToken) =>
        QueryAsync(null, partitionKey: null, maxItemCount: 100, openSecrets: true, cancellationToken);

    /// <summary><see cref="ReadAllPartitionsAsync"/> with secrets left sealed, as <see cref="GetDocumentWithoutSecretsAsync"/>.</summary>
    protected IAsyncEnumerable<TDocument> ReadAllPartitionsWithoutSecretsAsync(CancellationToken cancellationToken) =>
        QueryAsync(null, partitionKey: null, maxItemCount: 100, openSecrets: false, cancellationToken);

    private async IAsyncEnumerable<TDocument> QueryAsync(
        QueryDefinition? query,
        PartitionKey? partitionKey,
        int maxItemCount,
        bool openSecrets,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var options = new QueryRequestOptions { MaxItemCount = maxItemCount, EnableOptimisticDirectExecution = true };
        if (partitionKey is { } key)
        {
            options.PartitionKey = key;
        }

        using var iterator = Container.GetItemQueryStreamIterator(query, continuationToken: null, options);
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
            foreach (var item in page.RootElement.GetProperty("Documents").EnumerateArray())
            {
                yield return Materialize(item, openSecrets);
            }
        }
    }

    private MemoryStream Serialize(TDocument document)
    {
        if (string.IsNullOrEmpty(document.Id) || string.IsNullOrEmpty(document.PartitionKey))
        {
            throw new ArgumentException("A document needs an id and a partition key.", nameof(document));
        }

        // The ETag is Cosmos DB's (_etag, set on every write): a copy inside the body would only go stale.
        var etag = document.ETag;
        document.ETag = null;
        JsonObject body;
        try
        {
            body = _serializer.SerializeToNode(document);
        }
        finally
        {
            document.ETag = etag;
        }

        body[KeyProperty] = document.Id;
        body[IdProperty] = ItemId(document.Id);
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(body));
    }

    private TDocument Materialize(JsonElement item, bool openSecrets)
    {
        var body = JsonObject.Create(item) ?? throw new JsonException($"A stored {typeof(TDocument).Name} is null.");
        var key = body[KeyProperty]?.GetValue<string>();
        // The item id is what Cosmos DB finds the item by: the key beside it must be the one it was derived from, and
        // the document's secrets must open for that key.
        if (key is null || !string.Equals(ItemId(key), item.GetProperty(IdProperty).GetString(), StringComparison.Ordinal))
        {
            throw new JsonException($"A stored {typeof(TDocument).Name} has a key that does not match its item id.");
        }

        body[IdProperty] = key;
        var document = openSecrets ? _serializer.Deserialize<TDocument>(body, key) : _serializer.DeserializeWithoutSecrets<TDocument>(body, key);
        document.ETag = item.GetProperty(CosmosETag.Property).GetString();
        return document;
    }

    /// <summary>
    /// The item id a document is stored under: the SHA-256 of its own id in hex. Deterministic, so a second create
    /// of the same id still meets a 409 Conflict, and free of the characters an item id may not hold.
    /// </summary>
    internal static string ItemId(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));


    private static void ThrowIfChangedOrGone(ResponseMessage response, TDocument document)
    {
        // 412: another writer changed it since it was read; 404: another writer deleted it. Either way the caller's
        // copy is stale, which is what the contract reports (and what a re-read sorts out).
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new DocumentPreconditionFailedException(document.Id);
        }

        response.EnsureSuccessStatusCode();
    }

    private static string RequireETag(TDocument document) =>
        document.ETag ?? throw new ArgumentException($"The document '{document.Id}' has no ETag: read it before writing it.", nameof(document));
}
