using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Persistence.Documents;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Cosmos;

/// <summary>
/// Which clusters hold which domain, in a container of its own (<see cref="ContainerNames.ClusterDomains"/>), so that
/// the domain check of every create PUT reads one small logical partition instead of every cluster of every
/// subscription. One entry per cluster: <c>{ id, partitionKey, domain, clusterPartitionKey, clusterKey }</c>,
/// partitioned by the domain's first label in lower case, which every spelling of one managed domain shares
/// (<c>x</c> and <c>x.{zone}</c>), so a lookup is one single-partition query whatever spellings it asks for.
/// </summary>
/// <remarks>
/// Cosmos DB has no transaction across containers, so the index is kept a superset of the truth: an entry is written
/// before its cluster and removed after it. An entry whose cluster never got written (a lost create, a crash between
/// the two writes) only costs a lookup of that domain one point read of a cluster that is not there; an entry is
/// never trusted without reading its cluster (<see cref="CosmosOpenShiftClusterStore.ListByDomainAsync"/>).
/// Clusters stored before the index existed are indexed once at start-up, and a marker records that it was done.
/// </remarks>
internal sealed class CosmosClusterDomainIndex
{
    private const string DomainProperty = "domain";
    private const string ClusterPartitionKeyProperty = "clusterPartitionKey";
    private const string ClusterKeyProperty = "clusterKey";

    // A partition no domain can fall into ('!' is not a DNS label's character): the marker that the clusters stored
    // before the index have been indexed.
    private const string MarkerPartition = "!index";
    private const string BackfilledMarkerId = "backfilled";

    private readonly Container _container;
    private readonly OneTimeInitialization _schema;

    public CosmosClusterDomainIndex(CosmosDatabase database)
    {
        _container = database.Container(ContainerNames.ClusterDomains);
        _schema = new OneTimeInitialization(cancellationToken => database.EnsureContainerAsync(ContainerNames.ClusterDomains, cancellationToken));
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _schema.EnsureAsync(cancellationToken);

    /// <summary>
    /// Indexes every cluster <paramref name="clusters"/> yields unless an earlier run finished doing so: an RP that
    /// upgrades onto a container of clusters written before the index finds their domains held. Upserts, so two
    /// instances starting together only do the same work twice.
    /// </summary>
    public async Task BackfillOnceAsync(Func<CancellationToken, IAsyncEnumerable<OpenShiftClusterDocument>> clusters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        using (var marker = await _container.ReadItemStreamAsync(BackfilledMarkerId, new PartitionKey(MarkerPartition), cancellationToken: cancellationToken))
        {
            if (marker.IsSuccessStatusCode)
            {
                return;
            }

            if (marker.StatusCode != HttpStatusCode.NotFound)
            {
                marker.EnsureSuccessStatusCode();
            }
        }

        await foreach (var cluster in clusters(cancellationToken))
        {
            await AddAsync(cluster, cancellationToken);
        }

        await UpsertAsync(new JsonObject { ["id"] = BackfilledMarkerId, ["partitionKey"] = MarkerPartition, ["at"] = DateTimeOffset.UtcNow }, MarkerPartition, cancellationToken);
    }

    /// <summary>Records that <paramref name="cluster"/> holds its domain: before the cluster is written. Idempotent.</summary>
    public async Task AddAsync(OpenShiftClusterDocument cluster, CancellationToken cancellationToken)
    {
        if (DomainOf(cluster) is not { } domain)
        {
            return;
        }

        await _schema.EnsureAsync(cancellationToken);
        var partition = PartitionOf(domain);
        var entry = new JsonObject
        {
            ["id"] = EntryId(cluster.Id, domain),
            ["partitionKey"] = partition,
            [DomainProperty] = domain,
            [ClusterPartitionKeyProperty] = cluster.PartitionKey,
            [ClusterKeyProperty] = cluster.Id,
        };
        await UpsertAsync(entry, partition, cancellationToken);
    }

    /// <summary>Forgets that <paramref name="cluster"/> holds its domain: once the cluster is gone. Idempotent.</summary>
    public async Task RemoveAsync(OpenShiftClusterDocument cluster, CancellationToken cancellationToken)
    {
        if (DomainOf(cluster) is not { } domain)
        {
            return;
        }

        await _schema.EnsureAsync(cancellationToken);
        using var response = await _container.DeleteItemStreamAsync(EntryId(cluster.Id, domain), new PartitionKey(PartitionOf(domain)), cancellationToken: cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// The clusters (partition key and key) indexed under a domain in <paramref name="domains"/>, as the set compares:
    /// candidates only, each to be read before it is believed.
    /// </summary>
    public async IAsyncEnumerable<(string PartitionKey, string Key)> FindAsync(IReadOnlySet<string> domains, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        foreach (var partition in domains.Select(domain => PartitionOf(domain.ToLowerInvariant())).Distinct(StringComparer.Ordinal))
        {
            // Testing c.partitionKey as well as naming the partition keeps the query a single-partition one, which
            // needs no query plan (a local test server cannot make one).
            var query = new QueryDefinition("SELECT * FROM c WHERE c.partitionKey = @partition").WithParameter("@partition", partition);
            var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partition), MaxItemCount = 100, EnableOptimisticDirectExecution = true };
            using var iterator = _container.GetItemQueryStreamIterator(query, continuationToken: null, options);
            while (iterator.HasMoreResults)
            {
                using var response = await iterator.ReadNextAsync(cancellationToken);
                response.EnsureSuccessStatusCode();
                using var page = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
                foreach (var entry in page.RootElement.GetProperty("Documents").EnumerateArray())
                {
                    if (entry.TryGetProperty(DomainProperty, out var domain) && domains.Contains(domain.GetString()!))
                    {
                        yield return (entry.GetProperty(ClusterPartitionKeyProperty).GetString()!, entry.GetProperty(ClusterKeyProperty).GetString()!);
                    }
                }
            }
        }
    }

    private async Task UpsertAsync(JsonObject item, string partition, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(item));
        using var response = await _container.UpsertItemStreamAsync(content, new PartitionKey(partition), cancellationToken: cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string? DomainOf(OpenShiftClusterDocument cluster) =>
        cluster.OpenShiftCluster?.Properties?.ClusterProfile?.Domain is { Length: > 0 } domain ? domain.ToLowerInvariant() : null;

    private static string PartitionOf(string loweredDomain)
    {
        var dot = loweredDomain.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 ? loweredDomain : loweredDomain[..dot];
    }

    // One entry per cluster and domain: a create that lost to an existing cluster of the same key but another domain
    // leaves an entry of its own beside the existing cluster's, never in its place.
    private static string EntryId(string clusterKey, string loweredDomain) =>
        CosmosDocumentStore<OpenShiftClusterDocument>.ItemId(clusterKey + "\n" + loweredDomain);
}
