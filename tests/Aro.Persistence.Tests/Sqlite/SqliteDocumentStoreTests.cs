using System.Text;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Stores;

namespace Aro.Persistence.Tests.Sqlite;

/// <summary>What only the SQLite store can show: the file on disk, several instances over one file, its tokens.</summary>
public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_database_files_hold_no_secret_in_clear()
    {
        var stores = new SqliteStores(_directory.Path);
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        await stores.Clusters.CreateAsync(document, CancellationToken.None);
        document.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        await stores.Clusters.ReplaceAsync(document, CancellationToken.None);

        var bytes = ReadDatabaseFiles();

        // The search must be able to find text at all, or the absence of secrets would prove nothing.
        Assert.True(Contains(bytes, document.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientId), "the client id should be stored in clear");
        Assert.True(Contains(bytes, "enc:v2:"), "sealed values should be stored");
        foreach (var secret in TestDocuments.SecretsOf(document))
        {
            Assert.False(Contains(bytes, secret), $"a secret is stored in clear: {secret[..12]}...");
        }
    }

    [Fact]
    public async Task A_cluster_write_that_loses_records_no_operation_either()
    {
        var stores = new SqliteStores(_directory.Path);
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var cluster = await stores.Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), CancellationToken.None);
        var stale = await stores.Clusters.GetAsync(cluster.PartitionKey, cluster.Id, CancellationToken.None);
        await stores.Clusters.ReplaceAsync(cluster, CancellationToken.None);
        var operation = TestDocuments.AsyncOperation(subscriptionId);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(
            () => stores.Clusters.WriteWithNewOperationAsync(stale!, create: false, operation, CancellationToken.None));

        // One transaction: the operation's insert went back with the cluster's lost update.
        Assert.Null(await stores.AsyncOperations.GetAsync(operation.PartitionKey, operation.Id, CancellationToken.None));
        Assert.Null(operation.ETag);
    }

    [Fact]
    public async Task Documents_sealed_with_an_old_key_still_open_after_a_rotation()
    {
        var before = new SqliteStores(_directory.Path);
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        await before.Clusters.CreateAsync(document, CancellationToken.None);
        var oldKey = before.KeyRing.CurrentKey;

        var newKey = before.KeyRing.AddKey();
        var after = new SqliteStores(_directory.Path);
        var read = await after.Clusters.GetAsync(document.PartitionKey, document.Id, CancellationToken.None);
        await after.Clusters.ReplaceAsync(read!, CancellationToken.None);
        var rewritten = await after.Clusters.GetAsync(document.PartitionKey, document.Id, CancellationToken.None);

        Assert.NotEqual(oldKey.Id, newKey.Id);
        Assert.Equal(newKey.Id, after.KeyRing.CurrentKey.Id);
        Assert.Equal(TestDocuments.SecretsOf(document), TestDocuments.SecretsOf(read!));
        Assert.Equal(TestDocuments.SecretsOf(document), TestDocuments.SecretsOf(rewritten!));
        Assert.True(Contains(ReadDatabaseFiles(), $"enc:v2:{newKey.Id}:"), "the rewrite should be sealed with the new key");
    }

    [Fact]
    public async Task Two_instances_over_one_file_see_each_other_and_keep_ETags_consistent()
    {
        var first = new SqliteStores(_directory.Path);
        var second = new SqliteStores(_directory.Path);
        var document = await first.Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None);

        var read = await second.Clusters.GetAsync(document.PartitionKey, document.Id, CancellationToken.None);
        await second.Clusters.ReplaceAsync(read!, CancellationToken.None);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => first.Clusters.ReplaceAsync(document, CancellationToken.None));
        Assert.Equal(TestDocuments.SecretsOf(document), TestDocuments.SecretsOf(read!));
    }

    [Fact]
    public async Task Schema_creation_is_idempotent_and_WAL_is_on()
    {
        var stores = new SqliteStores(_directory.Path);
        await stores.Clusters.EnsureCreatedAsync(CancellationToken.None);
        await new SqliteStores(_directory.Path).Clusters.EnsureCreatedAsync(CancellationToken.None);

        await using var connection = await stores.Database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(CancellationToken.None));
        Assert.Equal(Path.Combine(_directory.Path, "aro.db"), stores.Database.FilePath);
        Assert.True(File.Exists(stores.Database.FilePath));
    }

    [Fact]
    public async Task Who_holds_a_domain_is_answered_through_the_domain_index_not_a_sweep_of_every_cluster()
    {
        var stores = new SqliteStores(_directory.Path);
        await stores.Clusters.EnsureCreatedAsync(CancellationToken.None);

        await using var connection = await stores.Database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT id, etag, body FROM {stores.Clusters.TableName} WHERE {SqliteOpenShiftClusterStore.DomainCondition(2)};";
        command.Parameters.AddWithValue(SqliteOpenShiftClusterStore.DomainParameter(0), "a");
        command.Parameters.AddWithValue(SqliteOpenShiftClusterStore.DomainParameter(1), "a.aro.localhost");
        var plan = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
        {
            while (await reader.ReadAsync(CancellationToken.None))
            {
                plan.AppendLine(reader.GetString(3));
            }
        }

        Assert.Contains($"USING INDEX {stores.Clusters.TableName}_domain", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_an_earlier_version_made_without_row_ids_is_rebuilt_with_every_row_and_index()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var earlier = new SqliteStores(_directory.Path);
        var kept = new List<OpenShiftClusterDocument>();
        for (var i = 0; i < 3; i++)
        {
            var cluster = TestDocuments.Cluster(subscriptionId, "rg", $"c{i}");
            cluster.OpenShiftCluster.Properties.ClusterProfile.Domain = $"rebuilt{i}";
            kept.Add(await earlier.Clusters.CreateAsync(cluster, CancellationToken.None));
        }

        // The shape every version made until 2026-12-07: the whole row in the primary key's b-tree.
        var table = earlier.Clusters.TableName;
        await ExecuteAsync(earlier.Database, $"""
            CREATE TABLE old_shape (partition_key TEXT NOT NULL, id TEXT NOT NULL, etag TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (partition_key, id)) WITHOUT ROWID;
            INSERT INTO old_shape SELECT partition_key, id, etag, body FROM {table};
            DROP TABLE {table};
            ALTER TABLE old_shape RENAME TO {table};
            CREATE INDEX {table}_domain ON {table} ({SqliteOpenShiftClusterStore.DomainExpression});
            """);
        Assert.Contains("WITHOUT ROWID", await SchemaOfAsync(earlier.Database, table), StringComparison.Ordinal);

        var now = new SqliteStores(_directory.Path);
        var page = await now.Clusters.QueryAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), null, null, 10, CancellationToken.None);
        var read = await now.Clusters.GetAsync(kept[1].PartitionKey, kept[1].Id, CancellationToken.None);
        var holders = await now.Clusters.ListByDomainAsync(new HashSet<string> { kept[2].OpenShiftCluster.Properties.ClusterProfile.Domain }, null, CancellationToken.None).ToListAsync();

        Assert.DoesNotContain("WITHOUT ROWID", await SchemaOfAsync(now.Database, table), StringComparison.Ordinal);
        Assert.Equal(kept.Select(c => (c.Id, c.ETag)), page.Items.Select(c => (c.Id, c.ETag)));
        Assert.Equal(TestDocuments.SecretsOf(kept[1]), TestDocuments.SecretsOf(read!));
        Assert.Equal(kept[2].Id, Assert.Single(holders).Id);
        Assert.Equal($"{table}_domain", await ScalarAsync(now.Database, $"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND name = '{table}_domain';"));
        Assert.Null(await ScalarAsync(now.Database, $"SELECT name FROM sqlite_master WHERE name = '{table}_without_rowid';"));

        // A write after the rebuild still holds its ETag.
        read!.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        await now.Clusters.ReplaceAsync(read, CancellationToken.None);
        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => now.Clusters.ReplaceAsync(kept[1], CancellationToken.None));
    }

    [Fact]
    public async Task A_malformed_continuation_token_is_rejected()
    {
        var stores = new SqliteStores(_directory.Path);

        await Assert.ThrowsAsync<ArgumentException>(
            () => stores.Clusters.QueryAsync("partition", null, "not a token!", 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(
            () => stores.Clusters.QueryAsync("partition", null, Convert.ToBase64String("x"u8.ToArray()), 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_last_page_carries_no_token_even_when_it_is_full()
    {
        var stores = new SqliteStores(_directory.Path);
        var subscriptionId = TestDocuments.NewSubscriptionId();
        for (var i = 0; i < 4; i++)
        {
            await stores.Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", $"c{i}"), CancellationToken.None);
        }

        var first = await stores.Clusters.QueryAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), null, null, 2, CancellationToken.None);
        var second = await stores.Clusters.QueryAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), null, first.ContinuationToken, 2, CancellationToken.None);

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task Replace_of_a_document_never_read_is_refused()
    {
        var stores = new SqliteStores(_directory.Path);

        await Assert.ThrowsAsync<ArgumentException>(
            () => stores.Clusters.ReplaceAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None));
    }

    [Fact]
    public void Table_names_must_be_plain_identifiers()
    {
        var stores = new SqliteStores(_directory.Path);
        var serializer = new DocumentJsonSerializer(new AesGcmSecretProtector(stores.KeyRing));

        Assert.Throws<ArgumentException>(() => new SqliteDocumentStore<OpenShiftClusterDocument>(stores.Database, serializer, "x; DROP TABLE y"));
    }

    private byte[] ReadDatabaseFiles()
    {
        using var buffer = new MemoryStream();
        foreach (var path in Directory.EnumerateFiles(_directory.Path, "aro.db*"))
        {
            // Read without taking a lock: the store still has the files open.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(buffer);
        }

        return buffer.ToArray();
    }

    private static async Task<string> SchemaOfAsync(SqliteDatabase database, string table) =>
        (string)(await ScalarAsync(database, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}';"))!;

    private static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(CancellationToken.None);
    }

    private static async Task ExecuteAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
