using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// The embedded database file, <c>{dataDir}/aro.db</c>. Every operation opens its own pooled connection,
/// so threads never share one; WAL lets readers run beside the single writer, and the busy timeout
/// makes concurrent writers (threads or other processes) wait their turn instead of failing.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "aro.db";

    /// <summary>How long a write waits for another writer's lock before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly OneTimeInitialization _initialization;
    private readonly TimeSpan _busyTimeout;

    public SqliteDatabase(string dataDirectory)
        : this(dataDirectory, BusyTimeout)
    {
    }

    /// <param name="busyTimeout">How long a statement waits for another writer's lock (tests shorten it).</param>
    internal SqliteDatabase(string dataDirectory, TimeSpan busyTimeout)
    {
        _busyTimeout = busyTimeout;
        DataDirectory = Path.GetFullPath(dataDirectory);
        FilePath = Path.Combine(DataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        _initialization = new OneTimeInitialization(InitializeAsync);
        PreparedReads = new SqlitePreparedReads(OpenConnectionAsync);
    }

    /// <summary>Open connections with their prepared statements, for the reads made on every request.</summary>
    internal SqlitePreparedReads PreparedReads { get; }

    public void Dispose() => PreparedReads.Dispose();

    public string DataDirectory { get; }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await _initialization.EnsureAsync(cancellationToken);
        return await OpenAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // How a connection waits for a lock belongs to the connection, not the file, so every open sets it: through
            // the C API, which costs nothing, where a PRAGMA statement was parsed and run on every request (issue 16).
            SqliteBusyWait.Install(connection, _busyTimeout);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL is a property of the file and persists; synchronous stays FULL (the default) because the
        // frontend publishes work after a commit and must not lose that commit on a power cut.
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
