namespace Aro.Persistence.Documents;

/// <summary>
/// A stored document: an id unique within its partition, the partition key every query is scoped to,
/// and the ETag the store assigns on each write (null before the first write).
/// </summary>
public interface IDocument
{
    string Id { get; }

    string PartitionKey { get; }

    string? ETag { get; set; }
}
