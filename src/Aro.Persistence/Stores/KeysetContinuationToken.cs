using System.Text;
using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

/// <summary>
/// Keyset paging, the same for every store: the token carries the last id returned and the next page starts strictly after it,
/// so documents inserted or deleted between pages never shift what the reader sees.
/// Opaque to callers (base64) and versioned, so its content can change later.
/// </summary>
internal static class KeysetContinuationToken
{
    private const string Version = "v1:";

    /// <summary>
    /// The page of <paramref name="documents"/>, which a store reads in id order after the token's id, limited to one
    /// more than <paramref name="pageSize"/>: that one more tells whether another page exists, so the last page carries no token.
    /// </summary>
    public static async Task<DocumentPage<TDocument>> PageAsync<TDocument>(IAsyncEnumerable<TDocument> documents, int pageSize, CancellationToken cancellationToken)
        where TDocument : class, IDocument
    {
        var items = new List<TDocument>();
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            if (items.Count == pageSize)
            {
                return new DocumentPage<TDocument>(items, Encode(items[^1].Id));
            }

            items.Add(document);
        }

        return new DocumentPage<TDocument>(items, null);
    }

    public static string Encode(string lastId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Version + lastId));

    public static string Decode(string token)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), exception);
        }

        return decoded.StartsWith(Version, StringComparison.Ordinal)
            ? decoded[Version.Length..]
            : throw new ArgumentException("The continuation token is not valid.", nameof(token));
    }
}
