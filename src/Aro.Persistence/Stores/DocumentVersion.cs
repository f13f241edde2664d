namespace Aro.Persistence.Stores;

/// <summary>
/// A stored document as a reader that may already hold a version of it sees it: its id and ETag, and the document
/// itself unless the reader said it holds that very version. <see cref="Document"/> is null only then, and the store
/// did not read the body; a store may hand the document out anyway, so a reader compares <see cref="ETag"/>.
/// </summary>
public sealed record DocumentVersion<TDocument>(string Id, string ETag, TDocument? Document)
    where TDocument : class;
