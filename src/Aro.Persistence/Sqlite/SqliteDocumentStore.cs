using System.Globalization;
using System.Text;
using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;
using Microsoft.Data.Sqlite;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// One document kind in one table: (partition_key, id) is the primary key, etag changes on every write,
/// body is the document's JSON with its secrets sealed. Writes are single conditional statements, so
/// concurrency control is the ETag comparison alone, exactly as with Cosmos DB.
/// </summary>
public class SqliteDocumentStore<TDocument> : IDocumentStore<TDocument>, IStoreSchema
    where TDocument : class, IDocument
{
    private readonly SqliteTable _table;
    private readonly DocumentJsonSerializer _serializer;

    public SqliteDocumentStore(SqliteDatabase database, DocumentJsonSerializer serializer, string tableName)
        : this(database, serializer, tableName, indexesSql: _ => string.Empty)
    {
    }

    /// <param name="indexesSql">Idempotent CREATE INDEX statements over the table (given its name), for a store's own lookups.</param>
    protected SqliteDocumentStore(SqliteDatabase database, DocumentJsonSerializer serializer, string tableName, Func<string, string> indexesSql)
    {
        Database = database;
        _table = new SqliteTable(
            database,
            tableName,
            name => $"{CreateTableSql(name)}\n{indexesSql(name)}",
            (connection, cancellationToken) => DocumentTableRowIds.AddAsync(connection, tableName, CreateTableSql(tableName), indexesSql(tableName), cancellationToken));
        _serializer = serializer;
    }

    // A table with row ids: its primary key is an index of its own, holding the two keys and the row id alone. In a
    // WITHOUT ROWID table the key's b-tree holds the whole row, and a row of 20 KB spills into overflow pages that
    // SQLite copies whole each time it compares a key with it (seeking, and testing where a range ends): every read
    // copied 20 KB a row it looked at, a list page 400 KB (issue 16, the read path).
    private static string CreateTableSql(string name) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
            partition_key TEXT NOT NULL,
            id TEXT NOT NULL,
            etag TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (partition_key, id)
        );
        """;

    public string TableName => _table.Name;

    /// <summary>The database the table is in, for writes committed together with another store's (<see cref="SqliteTransactionalWrites"/>).</summary>
    protected SqliteDatabase Database { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _table.EnsureCreatedAsync(cancellationToken);

    public Task<TDocument?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        GetAsync(partitionKey, id, openSecrets: true, cancellationToken);

    public Task<DocumentPage<TDocument>> QueryAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        QueryAsync(partitionKey, idPrefix, continuationToken, pageSize, openSecrets: true, cancellationToken);

    /// <summary><see cref="GetAsync(string, string, CancellationToken)"/> with the document's secrets left sealed (and empty): never to be written back.</summary>
    protected Task<TDocument?> GetDocumentWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        GetAsync(partitionKey, id, openSecrets: false, cancellationToken);

    /// <summary><see cref="QueryAsync(string, string?, string?, int, CancellationToken)"/> with secrets left sealed, as <see cref="GetDocumentWithoutSecretsAsync"/>.</summary>
    protected Task<DocumentPage<TDocument>> QueryDocumentsWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        QueryAsync(partitionKey, idPrefix, continuationToken, pageSize, openSecrets: false, cancellationToken);

    private async Task<TDocument?> GetAsync(string partitionKey, string id, bool openSecrets, CancellationToken cancellationToken)
    {
        using var lease = await RentReadAsync(cancellationToken);
        await using var reader = await lease.Command(
            $"SELECT id, etag, body FROM {TableName} WHERE partition_key = @partitionKey AND id = @id;",
            ("@partitionKey", partitionKey),
            ("@id", id)).ExecuteReaderAsync(cancellationToken);
        var document = await reader.ReadAsync(cancellationToken) ? Materialize(reader, openSecrets) : null;
        lease.Complete();
        return document;
    }

    /// <summary>A pooled connection with its prepared statements (<see cref="SqlitePreparedReads"/>), the table existing.</summary>
    private async Task<SqlitePreparedReads.Lease> RentReadAsync(CancellationToken cancellationToken)
    {
        await _table.EnsureCreatedAsync(cancellationToken);
        return await Database.PreparedReads.RentAsync(cancellationToken);
    }

    /// <summary>
    /// The document's version for a reader that holds the one stored under <paramref name="knownETag"/>: the body is read
    /// (secrets left sealed) only when the stored ETag is another. SQLite loads a column only when the statement uses
    /// it, so an unchanged document's body, in its overflow pages, stays on disk.
    /// </summary>
    protected async Task<DocumentVersion<TDocument>?> GetVersionWithoutSecretsAsync(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken)
    {
        using var lease = await RentReadAsync(cancellationToken);
        await using var reader = await lease.Command(
            $"SELECT id, etag, CASE WHEN etag = @known THEN NULL ELSE body END FROM {TableName} WHERE partition_key = @partitionKey AND id = @id;",
            ("@partitionKey", partitionKey),
            ("@id", id),
            ("@known", (object?)knownETag ?? DBNull.Value)).ExecuteReaderAsync(cancellationToken);
        DocumentVersion<TDocument>? version = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            version = reader.IsDBNull(2)
                ? new DocumentVersion<TDocument>(reader.GetString(0), reader.GetString(1), null)
                : new DocumentVersion<TDocument>(reader.GetString(0), reader.GetString(1), Materialize(reader, openSecrets: false));
        }

        lease.Complete();
        return version;
    }

    public async Task<TDocument> CreateAsync(TDocument document, CancellationToken cancellationToken) => await WriteAsync(PrepareCreate(document), document, cancellationToken);

    public async Task<TDocument> ReplaceAsync(TDocument document, CancellationToken cancellationToken) => await WriteAsync(PrepareReplace(document), document, cancellationToken);

    public async Task DeleteAsync(TDocument document, CancellationToken cancellationToken)
    {
        var etag = RequireETag(document);
        var deleted = await _table.TryWriteAsync(
            $"DELETE FROM {TableName} WHERE partition_key = @partitionKey AND id = @id AND etag = @etag;",
            [("@partitionKey", document.PartitionKey), ("@id", document.Id), ("@etag", etag)],
            cancellationToken);
        if (!deleted)
        {
            throw new DocumentPreconditionFailedException(document.Id);
        }
    }

    private async Task<DocumentPage<TDocument>> QueryAsync(
        string partitionKey,
        string? idPrefix,
        string? continuationToken,
        int pageSize,
        bool openSecrets,
        CancellationToken cancellationToken)
    {
        var (sql, parameters) = PageQuery("id, etag, body", partitionKey, idPrefix, continuationToken, pageSize);
        return await KeysetContinuationToken.PageAsync(ReadAsync(sql, parameters, openSecrets, cancellationToken), pageSize, cancellationToken);
    }

    /// <summary>
    /// The page <see cref="QueryDocumentsWithoutSecretsAsync"/> reads, for a reader that holds some of its documents: the
    /// page's ids and ETags come first (from the rows alone: a body is stored apart, in overflow pages, and stays on
    /// disk), then, in a second statement, the bodies of those <paramref name="isKnown"/> does not know. A document
    /// deleted between the two is left out, as if the page had been read after.
    /// </summary>
    protected async Task<DocumentPage<DocumentVersion<TDocument>>> QueryVersionsWithoutSecretsAsync(
        string partitionKey, string? idPrefix, string? continuationToken, int pageSize, Func<string, string, bool> isKnown, CancellationToken cancellationToken)
    {
        var (sql, parameters) = PageQuery("id, etag", partitionKey, idPrefix, continuationToken, pageSize);
        using var lease = await RentReadAsync(cancellationToken);
        var rows = new List<(string Id, string ETag)>(pageSize + 1);
        await using (var reader = await lease.Command(sql, [.. parameters]).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // One row more than the page tells whether another page exists, as in every other query.
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveRange(pageSize, rows.Count - pageSize);
            next = KeysetContinuationToken.Encode(rows[^1].Id);
        }

        var unknown = rows.Where(row => !isKnown(row.Id, row.ETag)).Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
        var read = unknown.Count == 0 ? [] : await ReadWithoutSecretsAsync(lease, partitionKey, unknown, cancellationToken);
        lease.Complete();
        var items = new List<DocumentVersion<TDocument>>(rows.Count);
        foreach (var (id, etag) in rows)
        {
            if (!unknown.Contains(id))
            {
                items.Add(new DocumentVersion<TDocument>(id, etag, null));
            }
            else if (read.TryGetValue(id, out var document))
            {
                items.Add(new DocumentVersion<TDocument>(id, document.ETag!, document));
            }
        }

        return new DocumentPage<DocumentVersion<TDocument>>(items, next);
    }

    private async Task<Dictionary<string, TDocument>> ReadWithoutSecretsAsync(SqlitePreparedReads.Lease lease, string partitionKey, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var names = ids.Select((_, index) => $"@id{index}").ToList();
        List<(string Name, object Value)> parameters = [("@partitionKey", partitionKey), .. names.Zip(ids, (name, id) => (name, (object)id))];
        await using var reader = await lease.Command(
            $"SELECT id, etag, body FROM {TableName} WHERE partition_key = @partitionKey AND id IN ({string.Join(", ", names)});", [.. parameters]).ExecuteReaderAsync(cancellationToken);
        var documents = new Dictionary<string, TDocument>(ids.Count, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents[reader.GetString(0)] = Materialize(reader, openSecrets: false);
        }

        return documents;
    }

    /// <summary>The statement selecting <paramref name="columns"/> of a page's rows, in id order, with one row more than the page.</summary>
    private (string Sql, List<(string Name, object Value)> Parameters) PageQuery(string columns, string partitionKey, string? idPrefix, string? continuationToken, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);

        var sql = new StringBuilder($"SELECT {columns} FROM {TableName} WHERE partition_key = @partitionKey");
        var parameters = new List<(string Name, object Value)> { ("@partitionKey", partitionKey) };
        if (continuationToken is not null)
        {
            sql.Append(" AND id > @after");
            parameters.Add(("@after", KeysetContinuationToken.Decode(continuationToken)));
        }

        if (!string.IsNullOrEmpty(idPrefix))
        {
            sql.Append(" AND id >= @prefix");
            parameters.Add(("@prefix", idPrefix));
            if (IdPrefixRange.UpperBound(idPrefix) is { } upperBound)
            {
                sql.Append(" AND id < @prefixUpperBound");
                parameters.Add(("@prefixUpperBound", upperBound));
            }
        }

        // One row more than the page tells whether another page exists, so the last page carries no token. The limit is
        // written into the text, a number of ours: SQLite plans with a bound LIMIT's value, so binding one made every
        // execution of the prepared statement parse and plan it again.
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY id LIMIT {(long)pageSize + 1};");
        return (sql.ToString(), parameters);
    }

    /// <summary>
    /// Every document of every partition, streamed in key order. Only for the backend's sweeps over all
    /// subscriptions (Cosmos DB answers the same with a cross-partition query), never for client requests.
    /// </summary>
    protected IAsyncEnumerable<TDocument> ScanAllPartitionsAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT id, etag, body FROM {TableName} ORDER BY partition_key, id;", [], openSecrets: true, cancellationToken);

    /// <summary>
    /// The documents of every partition that meet <paramref name="condition"/> (SQL over the table's columns, with
    /// <paramref name="parameters"/>; an index the store declared answers it), secrets left sealed, in key order.
    /// </summary>
    protected IAsyncEnumerable<TDocument> FindAllPartitionsWithoutSecretsAsync(string condition, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT id, etag, body FROM {TableName} WHERE {condition} ORDER BY partition_key, id;", parameters, openSecrets: false, cancellationToken);

    private async IAsyncEnumerable<TDocument> ReadAsync(
        string sql, IReadOnlyList<(string Name, object Value)> parameters, bool openSecrets, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);
        await using var command = SqliteTable.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Materialize(reader, openSecrets);
        }
    }

    private async Task<TDocument> WriteAsync(SqliteDocumentWrite write, TDocument document, CancellationToken cancellationToken)
    {
        if (!await _table.TryWriteAsync(write.Sql, write.Parameters, cancellationToken))
        {
            throw write.Lost();
        }

        write.Complete();
        return document;
    }

    /// <summary>The insert of <see cref="CreateAsync"/>, to be committed with other writes (<see cref="SqliteTransactionalWrites"/>).</summary>
    internal SqliteDocumentWrite PrepareCreate(TDocument document) =>
        Prepare(document, $"INSERT INTO {TableName} (partition_key, id, etag, body) VALUES (@partitionKey, @id, @newETag, @body) ON CONFLICT DO NOTHING;", expectedETag: null);

    /// <summary>The conditional update of <see cref="ReplaceAsync"/>, to be committed with other writes.</summary>
    internal SqliteDocumentWrite PrepareReplace(TDocument document) =>
        Prepare(document, $"UPDATE {TableName} SET etag = @newETag, body = @body WHERE partition_key = @partitionKey AND id = @id AND etag = @etag;", RequireETag(document));

    private SqliteDocumentWrite Prepare(TDocument document, string sql, string? expectedETag)
    {
        var id = document.Id;
        Func<Exception> lost = expectedETag is null ? () => new DocumentConflictException(id) : () => new DocumentPreconditionFailedException(id);
        if (string.IsNullOrEmpty(document.Id) || string.IsNullOrEmpty(document.PartitionKey))
        {
            throw new ArgumentException("A document needs an id and a partition key.", nameof(document));
        }

        // The body carries the ETag it is stored under; the caller's document only takes it once the write succeeded.
        var previousETag = document.ETag;
        var newETag = NewETag();
        document.ETag = newETag;
        string body;
        try
        {
            body = _serializer.Serialize(document);
        }
        finally
        {
            document.ETag = previousETag;
        }

        List<(string Name, object Value)> parameters = [("@partitionKey", document.PartitionKey), ("@id", document.Id), ("@newETag", newETag), ("@body", body)];
        if (expectedETag is not null)
        {
            parameters.Add(("@etag", expectedETag));
        }

        return new SqliteDocumentWrite(_table, sql, parameters, () => document.ETag = newETag, lost);
    }

    /// <summary>A row selected as <c>id, etag, body</c>.</summary>
    private TDocument Materialize(SqliteDataReader row, bool openSecrets)
    {
        // The id column is what the row is found by, so the document's secrets must open for it.
        var document = openSecrets
            ? _serializer.Deserialize<TDocument>(row.GetString(2), row.GetString(0))
            // SQLite holds the body as UTF-8: taken as bytes, it is neither widened to a string nor transcoded back.
            : _serializer.DeserializeWithoutSecrets<TDocument>(row.GetFieldValue<byte[]>(2), row.GetString(0));
        // The column is the truth: it is what the conditional writes compare against.
        document.ETag = row.GetString(1);
        return document;
    }

    private static string RequireETag(TDocument document) =>
        document.ETag ?? throw new ArgumentException($"The document '{document.Id}' has no ETag: read it before writing it.", nameof(document));

    // Quoted like Cosmos DB's ETags, so callers can pass them through as HTTP ETags unchanged.
    private static string NewETag() => $"\"{Guid.NewGuid():N}\"";
}
