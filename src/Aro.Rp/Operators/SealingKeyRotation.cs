using Aro.Persistence.Documents;
using Aro.Persistence.Secrets;
using Aro.Persistence.Stores;

namespace Aro.Rp.Operators;

/// <summary>
/// A new sealing key, then every stored cluster document read (which opens its secrets with whichever key sealed them)
/// and written back (which seals them with the new key). Resumable: the new key's id is recorded beside the keys until
/// every document is rewritten, so a run after a crash goes on with that key instead of adding another, and rewriting a
/// document twice is harmless.
/// </summary>
internal sealed class SealingKeyRotation(OperatorStore store, FileSecretKeyRing keyRing)
{
    private const string InProgressFileName = ".rotation";
    private const int MaxAttemptsPerDocument = 5;

    private string InProgressPath => Path.Combine(keyRing.DirectoryPath, InProgressFileName);

    /// <summary>The key a crashed rotation was sealing with, if it is still the newest; null when no rotation is under way.</summary>
    public string? InterruptedKeyId =>
        File.Exists(InProgressPath) && File.ReadAllText(InProgressPath).Trim() is var id && id == keyRing.CurrentKey.Id ? id : null;

    /// <summary>Adds the key (or takes over the interrupted rotation's) and records it; returns its id and whether it was resumed.</summary>
    public (string KeyId, bool Resumed) Begin()
    {
        if (InterruptedKeyId is { } interrupted)
        {
            return (interrupted, true);
        }

        var added = keyRing.AddKey();
        File.WriteAllText(InProgressPath, added.Id);
        return (added.Id, false);
    }

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
    public void Complete() => File.Delete(InProgressPath);
}
