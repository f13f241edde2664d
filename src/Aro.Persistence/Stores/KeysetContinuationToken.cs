using System.Text;

namespace Aro.Persistence.Stores;

/// <summary>
/// Keyset paging, the same for every store: the token carries the last id returned and the next page starts strictly after it,
/// so documents inserted or deleted between pages never shift what the reader sees.
/// Opaque to callers (base64) and versioned, so its content can change later.
/// </summary>
internal static class KeysetContinuationToken
{
    private const string Version = "v1:";

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
