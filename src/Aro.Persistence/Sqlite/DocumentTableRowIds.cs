using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// Rebuilds a document table that an earlier version made WITHOUT ROWID into the current shape (a table with row ids,
/// see <see cref="SqliteDocumentStore{TDocument}"/>), keeping every row, in one transaction: a process that opens the
/// file at the same moment waits for it and then finds the table rebuilt. A table already in shape is left alone.
/// </summary>
internal static class DocumentTableRowIds
{
    public static async Task AddAsync(SqliteConnection connection, string table, string createTableSql, string indexesSql, CancellationToken cancellationToken)
    {
        if (!await IsWithoutRowIdAsync(connection, table, transaction: null, cancellationToken))
        {
            return;
        }

        // IMMEDIATE: the check is made again under the write lock, so two processes never both rebuild.
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (!await IsWithoutRowIdAsync(connection, table, transaction, cancellationToken))
        {
            return;
        }

        var old = $"{table}_without_rowid";
        // Dropping the old table drops its indexes, so the current ones can be made under their own names.
        await ExecuteAsync(connection, transaction, $"""
            ALTER TABLE {table} RENAME TO {old};
            {createTableSql}
            INSERT INTO {table} (partition_key, id, etag, body) SELECT partition_key, id, etag, body FROM {old};
            DROP TABLE {old};
            {indexesSql}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> IsWithoutRowIdAsync(SqliteConnection connection, string table, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = SqliteTable.Command(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @name;", ("@name", table));
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken) is string sql && sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = SqliteTable.Command(connection, sql);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
