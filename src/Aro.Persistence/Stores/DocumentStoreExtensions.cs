using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public static class DocumentStoreExtensions
{
    /// <summary>
    /// Read-modify-write with optimistic concurrency: reads the document, applies <paramref name="mutate"/>
    /// and replaces it; on an ETag conflict re-reads and applies the mutation again.
    /// Returns null when the document does not exist (or vanished) or when <paramref name="mutate"/> returns false
    /// to say nothing needs writing (then the document as read is returned).
    /// </summary>
    public static async Task<TDocument?> UpdateWithRetryAsync<TDocument>(
        this IDocumentStore<TDocument> store,
        string partitionKey,
        string id,
        Func<TDocument, bool> mutate,
        CancellationToken cancellationToken,
        int maxAttempts = 10)
        where TDocument : class, IDocument
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(partitionKey, id, cancellationToken);
            if (document is null)
            {
                return null;
            }

            if (!mutate(document))
            {
                return document;
            }

            try
            {
                return await store.ReplaceAsync(document, cancellationToken);
            }
            catch (DocumentPreconditionFailedException) when (attempt < maxAttempts)
            {
                // Another writer won the race: start again from what it wrote.
            }
        }
    }
}
