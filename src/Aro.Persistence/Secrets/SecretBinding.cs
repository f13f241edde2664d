namespace Aro.Persistence.Secrets;

/// <summary>
/// Where a sealed value belongs: the id of the document holding it (a cluster's lower-cased resource id) and the
/// stored name of its field. It is authenticated with the value, so a value copied into another document or field
/// does not open there.
/// </summary>
public sealed record SecretBinding
{
    public SecretBinding(string documentId, string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentException.ThrowIfNullOrEmpty(field);
        // NUL separates the parts of the associated data, so no part may hold one (ids and JSON names never do).
        if (documentId.Contains('\0', StringComparison.Ordinal) || field.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A secret's document id and field may not contain NUL.");
        }

        DocumentId = documentId;
        Field = field;
    }

    public string DocumentId { get; }

    public string Field { get; }

    public override string ToString() => $"'{Field}' of document '{DocumentId}'";
}
