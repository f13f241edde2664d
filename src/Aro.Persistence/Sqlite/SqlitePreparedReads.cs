using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// Connections kept open for the hot reads, each with the statements it has prepared. Microsoft.Data.Sqlite prepares
/// a new command's SQL afresh, and a prepared statement dies when its connection closes: parsing and planning were
/// about half of SQLite's time on a GET or a list page (issue 16). A lease goes back to the pool only when its read
/// completed (its reader disposed, so no statement still holds a WAL snapshot); one that failed is closed instead.
/// At most <see cref="MaximumIdle"/> connections wait in the pool; more are closed when given back.
/// </summary>
internal sealed class SqlitePreparedReads(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    private static readonly int MaximumIdle = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly ConcurrentBag<PreparedConnection> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, connection);
        }

        return new Lease(this, new PreparedConnection(await open(cancellationToken)));
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private void Return(PreparedConnection connection)
    {
        if (Volatile.Read(ref _disposed))
        {
            connection.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaximumIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }

    /// <summary>One read on a pooled connection: <see cref="Command"/>, read, then <see cref="Complete"/> before disposing.</summary>
    public sealed class Lease(SqlitePreparedReads pool, PreparedConnection connection) : IDisposable
    {
        private bool _completed;

        /// <summary>The connection's command for <paramref name="sql"/>, prepared the first time, its parameters the given ones.</summary>
        public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object Value)> parameters) => connection.Command(sql, parameters);

        public void Complete() => _completed = true;

        public void Dispose()
        {
            if (_completed)
            {
                pool.Return(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    public sealed class PreparedConnection(SqliteConnection connection) : IDisposable
    {
        // Bounded by the store's SQL texts: a handful per table (the page query's variants, the IN lists up to a page).
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteCommand Command(string sql, ReadOnlySpan<(string Name, object Value)> parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                _commands.Add(sql, command);
            }

            command.Parameters.Clear();
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
