using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Tests.Stores;

namespace Aro.Persistence.Tests.Sqlite;

/// <summary>
/// The reads made on kept connections with their statements prepared (<see cref="SqlitePreparedReads"/>): a kept
/// connection must never hold on to an old snapshot of the file, nor outlive a read that failed on it.
/// </summary>
public sealed class SqlitePreparedReadsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_read_on_a_kept_connection_sees_the_last_committed_write_from_either_instance()
    {
        var reader = new SqliteStores(_directory.Path);
        var writer = new SqliteStores(_directory.Path);
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var cluster = await writer.Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), CancellationToken.None);
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId);

        for (var i = 0; i < 5; i++)
        {
            cluster.OpenShiftCluster.Tags = new Dictionary<string, string> { ["round"] = $"{i}" };
            cluster = await writer.Clusters.ReplaceAsync(cluster, CancellationToken.None);

            var read = await reader.Clusters.GetAsync(partitionKey, cluster.Id, CancellationToken.None);
            var version = await reader.Clusters.GetWithoutSecretsIfChangedAsync(partitionKey, cluster.Id, knownETag: null, CancellationToken.None);
            var page = await reader.Clusters.QueryWithoutSecretsIfChangedAsync(partitionKey, null, null, 10, (_, _) => false, CancellationToken.None);

            Assert.Equal(cluster.ETag, read!.ETag);
            Assert.Equal($"{i}", read.OpenShiftCluster.Tags!["round"]);
            Assert.Equal(cluster.ETag, version!.ETag);
            Assert.Equal(cluster.ETag, Assert.Single(page.Items).ETag);
        }
    }

    [Fact]
    public async Task Kept_connections_hold_no_snapshot_so_a_checkpoint_can_empty_the_log()
    {
        var stores = new SqliteStores(_directory.Path);
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var cluster = await stores.Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), CancellationToken.None);
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId);
        // Several reads at once, so several connections go back to the pool.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => stores.Clusters.GetAsync(partitionKey, cluster.Id, CancellationToken.None)));
        await stores.Clusters.QueryWithoutSecretsIfChangedAsync(partitionKey, null, null, 10, (_, _) => false, CancellationToken.None);

        await using var connection = await stores.Database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var result = await command.ExecuteReaderAsync(CancellationToken.None);
        Assert.True(await result.ReadAsync(CancellationToken.None));

        // busy = 0: no reader pinned a snapshot that kept the checkpoint from finishing.
        Assert.Equal(0L, result.GetInt64(0));
    }

    [Fact]
    public async Task A_read_that_fails_does_not_spoil_the_reads_after_it()
    {
        var stores = new SqliteStores(_directory.Path);
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var good = await stores.Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, name: "good"), CancellationToken.None);
        var bad = await stores.Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, name: "bad"), CancellationToken.None);
        await using (var connection = await stores.Database.OpenConnectionAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            // JSON SQLite can index, but no cluster document.
            command.CommandText = $"UPDATE {stores.Clusters.TableName} SET body = '{{\"openShiftCluster\": 5}}' WHERE id = @id;";
            command.Parameters.AddWithValue("@id", bad.Id);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Clusters.GetAsync(bad.PartitionKey, bad.Id, CancellationToken.None));
        var read = await stores.Clusters.GetAsync(good.PartitionKey, good.Id, CancellationToken.None);

        Assert.Equal(good.ETag, read!.ETag);
        Assert.Equal(ProvisioningState.Creating, read.OpenShiftCluster.Properties.ProvisioningState);
    }

    [Fact]
    public async Task Reads_go_on_after_the_database_let_its_kept_connections_go()
    {
        var stores = new SqliteStores(_directory.Path);
        var cluster = await stores.Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None);
        await stores.Clusters.GetAsync(cluster.PartitionKey, cluster.Id, CancellationToken.None);

        stores.Database.Dispose();

        Assert.Equal(cluster.ETag, (await stores.Clusters.GetAsync(cluster.PartitionKey, cluster.Id, CancellationToken.None))!.ETag);
    }
}
