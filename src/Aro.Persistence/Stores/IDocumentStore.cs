using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

/// <summary>
/// Optimistic-concurrency document storage, shaped so that both SQLite and Cosmos DB can implement it:
/// every write is conditional on the ETag, every query stays inside one partition.
/// </summary>
public interface IDocumentStore<TDocument>
    where TDocument : class, IDocument
{
    Task<TDocument?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken);

    /// <summary>Inserts a new document and sets its ETag.</summary>
    /// <exception cref="DocumentConflictException">A document with that id already exists.</exception>
    Task<TDocument> CreateAsync(TDocument document, CancellationToken cancellationToken);

    /// <summary>Replaces the stored document if its ETag still equals <see cref="IDocument.ETag"/>, and sets the new ETag.</summary>
    /// <exception cref="DocumentPreconditionFailedException">The document changed (or vanished) since it was read.</exception>
    Task<TDocument> ReplaceAsync(TDocument document, CancellationToken cancellationToken);

    /// <summary>Deletes the document if its ETag still matches.</summary>
    /// <exception cref="DocumentPreconditionFailedException">The document changed (or vanished) since it was read.</exception>
    Task DeleteAsync(TDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the documents of a partition whose id starts with <paramref name="idPrefix"/> (all when null),
    /// in id order. Pass the returned continuation token to read the next page.
    /// </summary>
    Task<DocumentPage<TDocument>> QueryAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
