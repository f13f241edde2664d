namespace Aro.Persistence.Stores;

/// <summary>A create found a document with the same id already stored (Cosmos DB: 409 Conflict).</summary>
public sealed class DocumentConflictException(string id) : Exception($"A document with id '{id}' already exists.")
{
    public string Id { get; } = id;
}
