using Aro.Persistence.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aro-sqlite-database-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Every_connection_it_opens_waits_out_a_busy_writer_for_the_busy_timeout_pooled_or_not()
    {
        var database = new SqliteDatabase(_directory.FullName);

        // The second open takes the first's pooled handle: the timeout must hold there too.
        for (var open = 0; open < 2; open++)
        {
            await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";

            Assert.Equal((long)SqliteDatabase.BusyTimeout.TotalMilliseconds, (long)(await command.ExecuteScalarAsync())!);
        }
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
