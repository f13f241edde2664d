namespace Aro.Persistence.Serialization;

/// <summary>
/// The id of the document being written or read on this thread, which every secret in it is bound to.
/// </summary>
/// <remarks>
/// A JSON converter gets no per-call state, and options made per document would throw away System.Text.Json's
/// metadata cache on every read. Serialization is synchronous, so the document id travels on the thread for
/// exactly the length of one <see cref="DocumentJsonSerializer"/> call.
/// </remarks>
internal static class SealingDocument
{
    [ThreadStatic]
    private static string? _documentId;

    public static string CurrentId => _documentId
        ?? throw new InvalidOperationException("A [Secret] property is written or read only as part of a stored document, through DocumentJsonSerializer.");

    public static Scope Enter(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var previous = _documentId;
        _documentId = documentId;
        return new Scope(previous);
    }

    public readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => _documentId = previous;
    }
}
