using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// One table of the embedded database as a store sees it: a name safe to splice into SQL, a schema created on
/// first use, and parameterised statements. Stores write with single conditional statements (on an ETag, a
/// version or the row's absence), so a write either changes exactly one row or lost the race.
/// </summary>
internal sealed partial class SqliteTable
{
    private readonly SqliteDatabase _database;
    private readonly OneTimeInitialization _schema;
    private readonly string _createTableSql;
    private readonly Func<SqliteConnection, CancellationToken, Task>? _upgrade;

    /// <param name="createTableSql">The idempotent CREATE TABLE statement, given the (validated) table name.</param>
    /// <param name="upgrade">Brings a table an earlier version made to the current shape, before the CREATE statement runs.</param>
    public SqliteTable(SqliteDatabase database, string tableName, Func<string, string> createTableSql, Func<SqliteConnection, CancellationToken, Task>? upgrade = null)
    {
        // The table name is spliced into SQL text (it cannot be a parameter), so only plain identifiers pass.
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name.", nameof(tableName));
        }

        _database = database;
        Name = tableName;
        _createTableSql = createTableSql(tableName);
        _upgrade = upgrade;
        _schema = new OneTimeInitialization(CreateAsync);
    }

    public string Name { get; }

    public ValueTask EnsureCreatedAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    /// <summary>A pooled connection to the database, the table existing.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// Runs one conditional write: true when it changed exactly one row, false when its condition did not hold
    /// (another writer came first, or the row is not there).
    /// </summary>
    public async Task<bool> TryWriteAsync(string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        StoreMetrics.Count("sqlite", "write", Name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params IReadOnlyList<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        if (_upgrade is not null)
        {
            await _upgrade(connection, cancellationToken);
        }

        await using var command = Command(connection, _createTableSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*\z")]
    private static partial Regex TableNamePattern();
}
