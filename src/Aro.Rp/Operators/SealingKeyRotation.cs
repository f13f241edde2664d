using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Rp.Operators;

/// <summary>
/// A new sealing key from <paramref name="keys"/>, then every stored cluster document read (which opens its secrets with
/// whichever key sealed them) and written back (which seals them with the new key). Resumable: the key source records
/// the rotation until every document is rewritten, so a run after a crash goes on with the same key instead of adding
/// another, and rewriting a document twice is harmless. <paramref name="store"/> must seal with the key
/// <see cref="BeginAsync"/> returns.
/// </summary>
internal sealed class SealingKeyRotation(OperatorStore store, ISealingKeySource keys)
{
    private const int MaxAttemptsPerDocument = 5;

    /// <summary>Adds the key (or takes over the interrupted rotation's) and records it; returns its id and whether it was resumed.</summary>
    public Task<(string KeyId, bool Resumed)> BeginAsync(CancellationToken cancellationToken) => keys.BeginAsync(cancellationToken);

    /// <summary>The documents to re-seal, listed first so progress has a total.</summary>
    public async Task<IReadOnlyList<OpenShiftClusterDocument>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = new List<OpenShiftClusterDocument>();
        await foreach (var document in store.ListAllClustersAsync(cancellationToken))
        {
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>Writes <paramref name="document"/> back sealed with the current key; false when it has been deleted meanwhile.</summary>
    public async Task<bool> ResealAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Read again: the listing may be stale, and the write must carry the current ETag.
            var current = await store.Clusters.GetAsync(document.PartitionKey, document.Id, cancellationToken);
            if (current is null)
            {
                return false;
            }

            try
            {
                await store.Clusters.ReplaceAsync(current, cancellationToken);
                return true;
            }
            catch (DocumentPreconditionFailedException) when (attempt < MaxAttemptsPerDocument)
            {
                // The RP changed (or deleted) it meanwhile: read it again.
            }
        }
    }

    /// <summary>Every document is rewritten: the rotation is over.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => keys.CompleteAsync(cancellationToken);
}
