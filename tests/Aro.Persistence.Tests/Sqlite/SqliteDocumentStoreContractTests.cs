using System.Text.Json.Nodes;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Stores;
using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class SqliteDocumentStoreContractTests : DocumentStoreContractTests, IDisposable
{
    private const string ClusterTable = "open_shift_clusters";

    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteStores _stores;

    public SqliteDocumentStoreContractTests()
    {
        _stores = new SqliteStores(_directory.Path);
    }

    protected override IOpenShiftClusterStore Clusters => _stores.Clusters;

    protected override ISubscriptionStore Subscriptions => _stores.Subscriptions;

    protected override IAsyncOperationStore AsyncOperations => _stores.AsyncOperations;

    public void Dispose() => _directory.Dispose();

    protected override async Task<JsonObject> ReadStoredClusterAsync(string partitionKey, string id)
    {
        await using var connection = await _stores.Database.OpenConnectionAsync(CancellationToken.None);
        await using var command = Command(connection, $"SELECT body FROM {ClusterTable} WHERE partition_key = @partitionKey AND id = @id;", partitionKey, id);
        return JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!.AsObject();
    }

    protected override async Task WriteStoredClusterAsync(string partitionKey, string id, JsonObject body)
    {
        await using var connection = await _stores.Database.OpenConnectionAsync(CancellationToken.None);
        await using var command = Command(connection, $"UPDATE {ClusterTable} SET body = @body WHERE partition_key = @partitionKey AND id = @id;", partitionKey, id);
        command.Parameters.AddWithValue("@body", body.ToJsonString());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    protected override async Task DeleteStoredClusterAsync(string partitionKey, string id)
    {
        await using var connection = await _stores.Database.OpenConnectionAsync(CancellationToken.None);
        await using var command = Command(connection, $"DELETE FROM {ClusterTable} WHERE partition_key = @partitionKey AND id = @id;", partitionKey, id);
        await command.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string partitionKey, string id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@partitionKey", partitionKey);
        command.Parameters.AddWithValue("@id", id);
        return command;
    }
}
