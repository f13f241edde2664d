using System.Text.Json;
using Aro.Persistence.Scheduling;
using Aro.Persistence.Stores;
using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// Scheduled messages in the embedded database, one row per token. Times are Unix milliseconds so the due
/// query compares numbers; every claim and completion is one statement conditional on the row's ETag.
/// </summary>
internal sealed class SqliteScheduledMessageStore : IScheduledMessageStore, IStoreSchema
{
    private const string Columns = "token_id, etag, due_time, claimed_until, destination, content_type, message_types, message_id, headers, body";

    private readonly SqliteTable _table;

    public SqliteScheduledMessageStore(SqliteDatabase database) =>
        _table = new SqliteTable(
            database,
            "scheduled_messages",
            name => $"""
                CREATE TABLE IF NOT EXISTS {name} (
                    token_id TEXT NOT NULL PRIMARY KEY,
                    etag TEXT NOT NULL,
                    due_time INTEGER NOT NULL,
                    claimed_until INTEGER NULL,
                    destination TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    message_types TEXT NOT NULL,
                    message_id TEXT NULL,
                    headers TEXT NULL,
                    body TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS {name}_due_time ON {name} (due_time);
                """);

    private string TableName => _table.Name;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _table.EnsureCreatedAsync(cancellationToken);

    public async Task ScheduleAsync(ScheduledMessageEntry message, CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);
        await using var command = SqliteTable.Command(
            connection,
            $"""
            INSERT INTO {TableName} ({Columns})
            VALUES (@tokenId, @etag, @dueTime, NULL, @destination, @contentType, @messageTypes, @messageId, @headers, @body)
            ON CONFLICT (token_id) DO UPDATE SET
                etag = excluded.etag, due_time = excluded.due_time, claimed_until = NULL, destination = excluded.destination,
                content_type = excluded.content_type, message_types = excluded.message_types, message_id = excluded.message_id,
                headers = excluded.headers, body = excluded.body;
            """,
            ("@tokenId", Key(message.TokenId)),
            ("@etag", NewETag()),
            ("@dueTime", message.DueTime.ToUnixTimeMilliseconds()),
            ("@destination", message.Destination.ToString()),
            ("@contentType", message.ContentType),
            ("@messageTypes", JsonSerializer.Serialize(message.MessageTypes)),
            ("@messageId", (object?)message.MessageId?.ToString("D") ?? DBNull.Value),
            ("@headers", (object?)message.HeadersJson ?? DBNull.Value),
            ("@body", message.Body));
        StoreMetrics.Count("sqlite", "write", _table.Name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CancelAsync(Guid tokenId, CancellationToken cancellationToken) =>
        await _table.TryWriteAsync($"DELETE FROM {TableName} WHERE token_id = @tokenId;", [("@tokenId", Key(tokenId))], cancellationToken);

    public async Task<ScheduledMessageEntry?> GetAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);
        await using var command = SqliteTable.Command(connection, $"SELECT {Columns} FROM {TableName} WHERE token_id = @tokenId;", ("@tokenId", Key(tokenId)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Materialize(reader) : null;
    }

    public async Task<IReadOnlyList<ScheduledMessageEntry>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);
        await using var command = SqliteTable.Command(
            connection,
            $"""
            SELECT {Columns} FROM {TableName}
            WHERE due_time <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
            ORDER BY due_time LIMIT @maxCount;
            """,
            ("@now", now.ToUnixTimeMilliseconds()),
            ("@maxCount", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<ScheduledMessageEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(Materialize(reader));
        }

        return due;
    }

    public async Task<ScheduledMessageEntry?> TryClaimAsync(ScheduledMessageEntry message, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        var etag = NewETag();
        var claimed = await _table.TryWriteAsync(
            $"UPDATE {TableName} SET etag = @newETag, claimed_until = @claimedUntil WHERE token_id = @tokenId AND etag = @etag;",
            [("@tokenId", Key(message.TokenId)), ("@etag", RequireETag(message)), ("@newETag", etag), ("@claimedUntil", claimedUntil.ToUnixTimeMilliseconds())],
            cancellationToken);
        return claimed ? message with { ETag = etag, ClaimedUntil = claimedUntil } : null;
    }

    public async Task<bool> TryCompleteAsync(ScheduledMessageEntry claimed, CancellationToken cancellationToken) =>
        await _table.TryWriteAsync(
            $"DELETE FROM {TableName} WHERE token_id = @tokenId AND etag = @etag;",
            [("@tokenId", Key(claimed.TokenId)), ("@etag", RequireETag(claimed))],
            cancellationToken);

    private static ScheduledMessageEntry Materialize(SqliteDataReader reader) =>
        new(
            Guid.Parse(reader.GetString(0)),
            new Uri(reader.GetString(4)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.GetString(5),
            reader.GetString(9),
            JsonSerializer.Deserialize<string[]>(reader.GetString(6)) ?? [],
            reader.IsDBNull(7) ? null : Guid.Parse(reader.GetString(7)),
            reader.IsDBNull(8) ? null : reader.GetString(8))
        {
            ETag = reader.GetString(1),
            ClaimedUntil = reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        };

    private static string Key(Guid tokenId) => tokenId.ToString("D");

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static string RequireETag(ScheduledMessageEntry message) =>
        message.ETag ?? throw new ArgumentException($"The scheduled message {message.TokenId} has no ETag: it was not read from the store.", nameof(message));
}
