using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aro.Persistence.Cosmos;
using MassTransit;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Sagas;

/// <summary>
/// The saga instances of one type in one Cosmos DB container, one item per instance:
/// <c>{ id, partitionKey, version, instance }</c> with id and partitionKey both the correlation id, so every load
/// and write is a point operation on its own logical partition. Writes are conditional on the ETag the instance was
/// read (or inserted) with; a lost race, a duplicate insert or an instance deleted meanwhile is a
/// <see cref="ConcurrencyException"/> and the saga endpoint's retry runs the message again on fresh state.
/// </summary>
public sealed partial class CosmosSagaRepository<TSaga> : ISagaInstanceStore<TSaga>
    where TSaga : class, ISagaVersion
{
    private const string VersionProperty = "version";
    private const string InstanceProperty = "instance";

    private readonly CosmosDatabase _database;
    private readonly Container _container;
    private readonly OneTimeInitialization _schema;

    // The ETag each instance object was read or written with. MassTransit hands the very object it loaded back to
    // Update or Delete, so this carries the ETag across without a field on the saga type; the entry goes with it.
    private readonly ConditionalWeakTable<TSaga, string> _etags = [];

    public CosmosSagaRepository(CosmosDatabase database, string? containerName = null)
    {
        _database = database;
        ContainerName = containerName ?? DefaultContainerName;
        _container = database.Container(ContainerName);
        _schema = new OneTimeInitialization(cancellationToken => database.EnsureContainerAsync(ContainerName, cancellationToken));
    }

    /// <summary>saga- followed by the saga type's name in kebab case, e.g. saga-cluster-lifecycle-state.</summary>
    public static string DefaultContainerName { get; } = "saga-" + KebabCaseBoundary().Replace(typeof(TSaga).Name, "$1-$2").ToLowerInvariant();

    public string ContainerName { get; }

    public string Persistence => "cosmos";

    public string Location => $"{_database.DatabaseName}/{ContainerName}";

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _schema.EnsureAsync(cancellationToken);

    public async Task<TSaga?> LoadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var key = Key(correlationId);
        using var response = await _container.ReadItemStreamAsync(key, new PartitionKey(key), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var item = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return Materialize(item.RootElement);
    }

    /// <summary>
    /// A ReadFeed over the whole container, filtered here: the predicate is code, not SQL, and the instances are
    /// spread over as many partitions as there are sagas. For operators and tests only.
    /// </summary>
    public async Task<IReadOnlyList<TSaga>> QueryAsync(Func<TSaga, bool> predicate, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var instances = new List<TSaga>();
        using var iterator = _container.GetItemQueryStreamIterator(queryDefinition: null, requestOptions: new QueryRequestOptions { MaxItemCount = 100 });
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
            foreach (var item in page.RootElement.GetProperty("Documents").EnumerateArray())
            {
                var instance = Materialize(item);
                if (predicate(instance))
                {
                    instances.Add(instance);
                }
            }
        }

        return [.. instances.OrderBy(instance => instance.CorrelationId)];
    }

    public async Task<bool> TryInsertAsync(TSaga instance, CancellationToken cancellationToken)
    {
        const int firstVersion = 1;
        await _schema.EnsureAsync(cancellationToken);
        var key = Key(instance.CorrelationId);
        using var content = Serialize(instance, firstVersion);
        using var response = await _container.CreateItemStreamAsync(content, new PartitionKey(key), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        instance.Version = firstVersion;
        _etags.AddOrUpdate(instance, await CosmosETag.OfAsync(response, cancellationToken));
        return true;
    }

    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var readVersion = instance.Version;
        var nextVersion = readVersion + 1;
        var etag = await ETagOfVersionAsync(instance, cancellationToken);
        var key = Key(instance.CorrelationId);
        using var content = Serialize(instance, nextVersion);
        using var response = await _container.ReplaceItemStreamAsync(
            content,
            key,
            new PartitionKey(key),
            new ItemRequestOptions { IfMatchEtag = etag },
            cancellationToken);
        ThrowIfChangedOrGone(response, instance, readVersion);
        instance.Version = nextVersion;
        _etags.AddOrUpdate(instance, await CosmosETag.OfAsync(response, cancellationToken));
    }

    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var etag = await ETagOfVersionAsync(instance, cancellationToken);
        var key = Key(instance.CorrelationId);
        using var response = await _container.DeleteItemStreamAsync(
            key,
            new PartitionKey(key),
            new ItemRequestOptions { IfMatchEtag = etag },
            cancellationToken);
        ThrowIfChangedOrGone(response, instance, instance.Version);
        _etags.Remove(instance);
    }

    /// <summary>
    /// The ETag to make a write conditional on. An instance this repository did not read itself (another repository
    /// object, a copy) is checked against the stored version instead, and the write is conditional on that read.
    /// </summary>
    private async Task<string> ETagOfVersionAsync(TSaga instance, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        if (_etags.TryGetValue(instance, out var etag))
        {
            return etag;
        }

        var key = Key(instance.CorrelationId);
        using var response = await _container.ReadItemStreamAsync(key, new PartitionKey(key), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw Conflict(instance, instance.Version);
        }

        response.EnsureSuccessStatusCode();
        using var item = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return item.RootElement.GetProperty(VersionProperty).GetInt32() == instance.Version
            ? item.RootElement.GetProperty(CosmosETag.Property).GetString()!
            : throw Conflict(instance, instance.Version);
    }

    private static void ThrowIfChangedOrGone(ResponseMessage response, TSaga instance, int readVersion)
    {
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw Conflict(instance, readVersion);
        }

        response.EnsureSuccessStatusCode();
    }

    private static ConcurrencyException Conflict(TSaga instance, int readVersion) =>
        new($"The saga instance {instance.CorrelationId} changed or disappeared since it was read at version {readVersion}.", typeof(TSaga), instance.CorrelationId);

    private static string Key(Guid correlationId) => correlationId.ToString("D");

    private static MemoryStream Serialize(TSaga instance, int version)
    {
        // The item carries the version it is stored under; the caller's instance only takes it once the write succeeded.
        var previous = instance.Version;
        instance.Version = version;
        JsonNode state;
        try
        {
            state = JsonSerializer.SerializeToNode(instance, SagaInstanceJson.Options)!;
        }
        finally
        {
            instance.Version = previous;
        }

        var key = Key(instance.CorrelationId);
        var item = new JsonObject
        {
            ["id"] = key,
            [CosmosDatabase.PartitionKeyPath.TrimStart('/')] = key,
            [VersionProperty] = version,
            [InstanceProperty] = state,
        };
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(item));
    }

    private TSaga Materialize(JsonElement item)
    {
        var instance = item.GetProperty(InstanceProperty).Deserialize<TSaga>(SagaInstanceJson.Options)
            ?? throw new InvalidOperationException($"A stored {typeof(TSaga).Name} is empty.");
        // The item's version is the truth: it is what the ETag it was read with stands for.
        instance.Version = item.GetProperty(VersionProperty).GetInt32();
        _etags.AddOrUpdate(instance, item.GetProperty(CosmosETag.Property).GetString()!);
        return instance;
    }


    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex KebabCaseBoundary();
}
