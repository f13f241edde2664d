namespace Aro.Persistence.Stores;

/// <summary>A conditional write met a different ETag than the one read (Cosmos DB: 412 Precondition Failed).</summary>
public sealed class DocumentPreconditionFailedException(string id) : Exception($"The document '{id}' was changed by another writer.")
{
    public string Id { get; } = id;
}
