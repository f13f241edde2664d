namespace Aro.Persistence.Sqlite;

/// <summary>
/// Several conditional document writes committed as one SQLite transaction: all of them or none, for one fsync instead
/// of one per write (synchronous=FULL makes every commit durable, so commits are what a request waits for).
/// </summary>
internal static class SqliteTransactionalWrites
{
    /// <summary>
    /// Runs <paramref name="writes"/> in order in one transaction. Null when every one changed its row (committed); otherwise
    /// the first whose condition did not hold, and nothing is committed.
    /// </summary>
    public static async Task<SqliteDocumentWrite?> TryCommitAsync(SqliteDatabase database, IReadOnlyList<SqliteDocumentWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            await write.Table.EnsureCreatedAsync(cancellationToken);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Not deferred (BEGIN IMMEDIATE): the write lock is taken up front, so the transaction cannot fail half-way on
        // another writer's lock.
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var write in writes)
        {
            await using var command = SqliteTable.Command(connection, write.Sql, write.Parameters);
            command.Transaction = transaction;
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return write;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        StoreMetrics.Count("sqlite", "write", string.Join('+', writes.Select(write => write.Table.Name)));
        foreach (var write in writes)
        {
            write.Complete();
        }

        return null;
    }
}
