using System.Text.Json;
using System.Text.RegularExpressions;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using MassTransit;

namespace Aro.Persistence.Sagas;

/// <summary>
/// The saga instances of one type in one table of the embedded database: (correlation_id, version, state),
/// state being the instance's JSON. Every write is one conditional statement on the version, so concurrency
/// control is optimistic exactly as with a Cosmos DB ETag: a lost race surfaces as
/// <see cref="ConcurrencyException"/> and the saga endpoint's retry runs the message again on fresh state.
/// </summary>
public sealed partial class SqliteSagaRepository<TSaga> : ISagaInstanceStore<TSaga>
    where TSaga : class, ISagaVersion
{
    private static readonly JsonSerializerOptions SerializerOptions = SagaInstanceJson.Options;

    private readonly SqliteTable _table;

    public SqliteSagaRepository(SqliteDatabase database, string? tableName = null) =>
        _table = new SqliteTable(
            database,
            tableName ?? DefaultTableName,
            name => $"""
                CREATE TABLE IF NOT EXISTS {name} (
                    correlation_id TEXT NOT NULL PRIMARY KEY,
                    version INTEGER NOT NULL,
                    state TEXT NOT NULL
                ) WITHOUT ROWID;
                """);

    /// <summary>saga_ followed by the saga type's name in snake case, e.g. saga_cluster_lifecycle_state.</summary>
    public static string DefaultTableName { get; } = "saga_" + SnakeCaseBoundary().Replace(typeof(TSaga).Name, "$1_$2").ToLowerInvariant();

    public string TableName => _table.Name;

    public string Persistence => "sqlite";

    public string Location => TableName;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _table.EnsureCreatedAsync(cancellationToken);

    public async Task<TSaga?> LoadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);
        await using var command = SqliteTable.Command(connection, $"SELECT version, state FROM {TableName} WHERE correlation_id = @id;", ("@id", Key(correlationId)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Materialize(reader.GetInt32(0), reader.GetString(1)) : null;
    }

    public async Task<IReadOnlyList<TSaga>> QueryAsync(Func<TSaga, bool> predicate, CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);
        await using var command = SqliteTable.Command(connection, $"SELECT version, state FROM {TableName} ORDER BY correlation_id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var instances = new List<TSaga>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var instance = Materialize(reader.GetInt32(0), reader.GetString(1));
            if (predicate(instance))
            {
                instances.Add(instance);
            }
        }

        return instances;
    }

    public async Task<bool> TryInsertAsync(TSaga instance, CancellationToken cancellationToken)
    {
        const int firstVersion = 1;
        var inserted = await _table.TryWriteAsync(
            $"INSERT INTO {TableName} (correlation_id, version, state) VALUES (@id, @version, @state) ON CONFLICT DO NOTHING;",
            [("@id", Key(instance.CorrelationId)), ("@version", firstVersion), ("@state", Serialize(instance, firstVersion))],
            cancellationToken);
        if (!inserted)
        {
            return false;
        }

        instance.Version = firstVersion;
        return true;
    }

    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var readVersion = instance.Version;
        var nextVersion = readVersion + 1;
        var updated = await _table.TryWriteAsync(
            $"UPDATE {TableName} SET version = @nextVersion, state = @state WHERE correlation_id = @id AND version = @readVersion;",
            [("@id", Key(instance.CorrelationId)), ("@readVersion", readVersion), ("@nextVersion", nextVersion), ("@state", Serialize(instance, nextVersion))],
            cancellationToken);
        if (!updated)
        {
            throw Conflict(instance, readVersion);
        }

        instance.Version = nextVersion;
    }

    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var deleted = await _table.TryWriteAsync(
            $"DELETE FROM {TableName} WHERE correlation_id = @id AND version = @version;",
            [("@id", Key(instance.CorrelationId)), ("@version", instance.Version)],
            cancellationToken);
        if (!deleted)
        {
            throw Conflict(instance, instance.Version);
        }
    }

    private static ConcurrencyException Conflict(TSaga instance, int readVersion) =>
        new($"The saga instance {instance.CorrelationId} changed or disappeared since it was read at version {readVersion}.", typeof(TSaga), instance.CorrelationId);

    // The canonical text form keeps the key readable for operators and independent of byte order.
    private static string Key(Guid correlationId) => correlationId.ToString("D");

    private static string Serialize(TSaga instance, int version)
    {
        // The JSON carries the version it is stored under; the caller's instance only takes it once the write succeeded.
        var previous = instance.Version;
        instance.Version = version;
        try
        {
            return JsonSerializer.Serialize(instance, SerializerOptions);
        }
        finally
        {
            instance.Version = previous;
        }
    }

    private static TSaga Materialize(int version, string state)
    {
        var instance = JsonSerializer.Deserialize<TSaga>(state, SerializerOptions)
            ?? throw new InvalidOperationException($"A stored {typeof(TSaga).Name} is empty.");
        // The column is the truth: it is what the conditional writes compare against.
        instance.Version = version;
        return instance;
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex SnakeCaseBoundary();
}
