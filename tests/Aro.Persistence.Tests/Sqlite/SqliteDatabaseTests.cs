using Aro.Persistence.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aro-sqlite-database-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Every_connection_it_opens_waits_for_a_busy_writer_through_the_busy_wait_and_gives_up_at_its_timeout_pooled_or_not()
    {
        var database = new SqliteDatabase(_directory.FullName, TimeSpan.FromMilliseconds(100));
        await using var holder = await database.OpenConnectionAsync(CancellationToken.None);
        Execute(holder, "CREATE TABLE t (x INTEGER);");
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, Execute(holder, "BEGIN IMMEDIATE;"));

        // The second open takes the first's pooled handle: the wait must hold there too. Each runs on a thread of its
        // own, because SQLite calls the busy handler on the thread that runs the statement.
        for (var open = 0; open < 2; open++)
        {
            var (result, attempts) = await OnOwnThread(() =>
            {
                using var waiter = database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
                SqliteBusyWait.ResetAttemptsOnThisThread();
                return (Execute(waiter, "INSERT INTO t VALUES (1);"), SqliteBusyWait.AttemptsOnThisThread);
            });

            Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, result);
            // Called back at least once to wait and once more to find the timeout passed.
            Assert.True(attempts >= 2, $"the busy wait was called {attempts} times");
        }

        Assert.Equal(SQLitePCL.raw.SQLITE_OK, Execute(holder, "COMMIT;"));
    }

    [Fact]
    public async Task A_writer_that_finds_the_lock_taken_writes_once_it_is_released()
    {
        var database = new SqliteDatabase(_directory.FullName);
        await using var holder = await database.OpenConnectionAsync(CancellationToken.None);
        Execute(holder, "CREATE TABLE t (x INTEGER);");
        Execute(holder, "BEGIN IMMEDIATE;");
        Execute(holder, "INSERT INTO t VALUES (1);");

        var waiting = OnOwnThread(() =>
        {
            using var waiter = database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
            return Execute(waiter, "INSERT INTO t VALUES (2);");
        });
        await Task.Delay(50);
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, Execute(holder, "COMMIT;"));

        Assert.Equal(SQLitePCL.raw.SQLITE_OK, await waiting);
        await using var count = holder.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t;";
        Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>Runs <paramref name="sql"/> through SQLite's C API, which answers SQLITE_BUSY itself where the ADO.NET provider would retry.</summary>
    private static int Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql) => SQLitePCL.raw.sqlite3_exec(connection.Handle, sql);

    private static Task<T> OnOwnThread<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }).Start();
        return done.Task;
    }

    [Fact]
    public async Task The_file_is_in_write_ahead_logging_mode()
    {
        var database = new SqliteDatabase(_directory.FullName);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }
}
