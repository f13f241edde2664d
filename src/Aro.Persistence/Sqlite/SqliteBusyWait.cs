using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// How a connection waits for another writer's lock (another connection of this process, or another process sharing
/// the file): it tries again every millisecond or few, until the busy timeout.
/// </summary>
/// <remarks>
/// SQLite's own busy timeout backs off along a fixed table (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms, then 100 ms
/// each), so a writer that finds the lock taken for a few milliseconds often sleeps 25 to 100 ms past its release. With
/// the backend writing beside it, that was the tail of the create PUT: 600 such sleeps in 5 seconds, 100 ms ones
/// among them, in the all-in-one RP as in a frontend sharing the file with a backend (issue 16). A short, capped step
/// wakes a waiter within a few milliseconds of the release, for one cheap lock attempt per wake-up; the thread waits
/// either way, since SQLite's calls are synchronous.
/// SQLitePCLRaw does not expose sqlite3_busy_handler, so the handler is registered on the connection's native handle
/// directly; where that library cannot be reached, the connection falls back to SQLite's busy timeout.
/// </remarks>
internal static unsafe partial class SqliteBusyWait
{
    /// <summary>The longest sleep between two attempts.</summary>
    public const int LongestStepMilliseconds = 5;

    [ThreadStatic]
    private static long _waitStarted;

    [ThreadStatic]
    private static int _attempts;

    private static bool _handlerUnavailable;

    /// <summary>Makes <paramref name="connection"/> wait up to <paramref name="timeout"/> for another writer's lock.</summary>
    public static void Install(SqliteConnection connection, TimeSpan timeout)
    {
        var milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        var result = _handlerUnavailable ? SetBusyTimeout(connection, milliseconds) : TrySetHandler(connection, milliseconds);
        if (result != SQLitePCL.raw.SQLITE_OK)
        {
            throw new SqliteException($"Setting how the connection waits for a lock failed ({result}).", result);
        }
    }

    /// <summary>
    /// How many times this thread's statements found the lock taken and were called back, since the last
    /// <see cref="ResetAttemptsOnThisThread"/>: SQLite calls the handler on the thread that runs the statement.
    /// </summary>
    public static int AttemptsOnThisThread => _attempts;

    public static void ResetAttemptsOnThisThread() => _attempts = 0;

    /// <summary>How long to sleep before trying again after call <paramref name="attempt"/> of one wait (0: the lock was just found taken): 1 ms at first, growing to <see cref="LongestStepMilliseconds"/>.</summary>
    public static int StepMilliseconds(int attempt) => Math.Min(1 + (Math.Max(attempt, 0) / 4), LongestStepMilliseconds);

    private static int TrySetHandler(SqliteConnection connection, int timeoutMilliseconds)
    {
        try
        {
            // SQLite passes the timeout back to the handler as its argument, so nothing is kept per connection.
            return SetBusyHandler(connection.Handle!.DangerousGetHandle(), &OnBusy, timeoutMilliseconds);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _handlerUnavailable = true;
            return SetBusyTimeout(connection, timeoutMilliseconds);
        }
    }

    private static int SetBusyTimeout(SqliteConnection connection, int milliseconds) =>
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, milliseconds);

    /// <summary>
    /// SQLite's busy handler: nonzero to try again, zero to give up (the statement then fails with SQLITE_BUSY).
    /// <paramref name="attempt"/> counts the calls of one wait from zero, on the thread that runs the statement.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(nint timeoutMilliseconds, int attempt)
    {
        _attempts++;
        if (attempt == 0)
        {
            _waitStarted = Stopwatch.GetTimestamp();
        }
        else if (Stopwatch.GetElapsedTime(_waitStarted).TotalMilliseconds >= timeoutMilliseconds)
        {
            return 0;
        }

        try
        {
            Thread.Sleep(StepMilliseconds(attempt));
            return 1;
        }
        catch (ThreadInterruptedException)
        {
            // No exception may leave a callback from native code (it would end the process): the statement gives up
            // with SQLITE_BUSY instead, as at the timeout.
            return 0;
        }
    }

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int SetBusyHandler(nint database, delegate* unmanaged[Cdecl]<nint, int, int> handler, nint timeoutMilliseconds);
}
