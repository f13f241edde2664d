using System.Text;
using Aro.Persistence.Cosmos;
using Aro.Persistence.Documents;
using Aro.Persistence.Tests.Stores;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Tests.Cosmos;

/// <summary>
/// The domain check reads the <see cref="ContainerNames.ClusterDomains"/> index, not the clusters: each test has a
/// database of its own, as some leave documents the shared one must not hold (a broken cluster, an unindexed one).
/// </summary>
[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosClusterDomainIndexTests(CosmosTestServer server) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly CosmosDatabase _database = new(PrivateDatabase(server));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using (await _database.Client.GetDatabase(_database.DatabaseName).DeleteStreamAsync())
        {
            _database.Dispose();
        }
    }

    [Fact]
    public async Task A_lookup_reads_only_the_clusters_indexed_under_its_domain()
    {
        var clusters = NewStore();
        var held = await clusters.CreateAsync(Cluster("held"), None);
        for (var i = 0; i < 5; i++)
        {
            await clusters.CreateAsync(Cluster($"other{i}"), None);
        }

        // A document no reader could parse: a scan of the container would fail on it, a lookup by the index never sees it.
        await WriteUnreadableClusterAsync();

        Assert.Equal([held.Id], await FindAsync(clusters, "held"));
        Assert.Empty(await FindAsync(clusters, "free"));
    }

    [Fact]
    public async Task An_entry_whose_cluster_is_gone_holds_nothing()
    {
        var clusters = NewStore();
        var cluster = await clusters.CreateAsync(Cluster("orphaned"), None);
        // Gone without the store (as after a crash between the cluster's delete and its entry's): the entry stays.
        using (var response = await _database.Container(ContainerNames.OpenShiftClusters).DeleteItemStreamAsync(
            CosmosDocumentStore<OpenShiftClusterDocument>.ItemId(cluster.Id), new PartitionKey(cluster.PartitionKey)))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.Empty(await FindAsync(clusters, "orphaned"));
    }

    [Fact]
    public async Task Clusters_stored_before_the_index_are_indexed_once_when_the_store_is_first_created()
    {
        var unindexed = new CosmosDocumentStore<OpenShiftClusterDocument>(_database, server.Serializer, ContainerNames.OpenShiftClusters);
        var before = await unindexed.CreateAsync(Cluster("before"), None);
        var clusters = NewStore();
        Assert.Empty(await FindAsync(clusters, "before"));

        await clusters.EnsureCreatedAsync(None);
        Assert.Equal([before.Id], await FindAsync(clusters, "before"));

        // Once done, it is not done again at every start: a marker says so.
        await unindexed.CreateAsync(Cluster("after"), None);
        var restarted = NewStore();
        await restarted.EnsureCreatedAsync(None);
        Assert.Empty(await FindAsync(restarted, "after"));
        Assert.Equal([before.Id], await FindAsync(restarted, "before"));
    }

    private static CosmosStoreOptions PrivateDatabase(CosmosTestServer server)
    {
        var options = server.Options();
        options.DatabaseName = $"aro-domains-{Guid.NewGuid():N}";
        return options;
    }

    private CosmosOpenShiftClusterStore NewStore() =>
        new(_database, server.Serializer, new CosmosAsyncOperationStore(_database, server.Serializer));

    private static OpenShiftClusterDocument Cluster(string label)
    {
        var cluster = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        cluster.OpenShiftCluster.Properties.ClusterProfile.Domain = label;
        return cluster;
    }

    private static async Task<List<string>> FindAsync(CosmosOpenShiftClusterStore clusters, string label)
    {
        var found = new List<string>();
        await foreach (var cluster in clusters.ListByDomainAsync(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { label, $"{label}.aro.localhost" }, exceptId: null, None))
        {
            found.Add(cluster.Id);
        }

        return found;
    }

    private async Task WriteUnreadableClusterAsync()
    {
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(TestDocuments.NewSubscriptionId());
        var body = $$"""{"id":"unreadable","key":"not-what-the-id-is-made-of","partitionKey":"{{partitionKey}}"}""";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(body));
        using var response = await _database.Container(ContainerNames.OpenShiftClusters).CreateItemStreamAsync(content, new PartitionKey(partitionKey));
        response.EnsureSuccessStatusCode();
    }
}
