using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Aro.LocalCloud.ServiceBus;

/// <summary>
/// Checks "SharedAccessSignature sr=...&amp;sig=...&amp;se=...&amp;skn=..." tokens as Service Bus does: signed
/// with the namespace key, not expired, and issued for a resource that covers the requested audience.
/// </summary>
public sealed class SharedAccessSignatureValidator(string keyName, string key)
{
    private const string Prefix = "SharedAccessSignature ";

    /// <summary>Null when the token grants access to <paramref name="audience"/>; otherwise why not.</summary>
    public string? Validate(string? token, string audience, DateTimeOffset now)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "The token is not a shared access signature.";
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in token[Prefix.Length..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at > 0)
            {
                fields[pair[..at]] = pair[(at + 1)..];
            }
        }

        if (!fields.TryGetValue("sr", out var resource) || !fields.TryGetValue("sig", out var signature)
            || !fields.TryGetValue("se", out var expiry) || !fields.TryGetValue("skn", out var name))
        {
            return "The token lacks sr, sig, se or skn.";
        }

        if (!string.Equals(WebUtility.UrlDecode(name), keyName, StringComparison.Ordinal))
        {
            return $"The token is signed with key '{WebUtility.UrlDecode(name)}', which this namespace does not have.";
        }

        var expected = Sign(resource, expiry);
        var alternative = Sign(WebUtility.UrlEncode(WebUtility.UrlDecode(resource)), expiry);
        var presented = WebUtility.UrlDecode(signature);
        if (!FixedTimeEquals(presented, expected) && !FixedTimeEquals(presented, alternative))
        {
            return "The token's signature does not match the namespace key.";
        }

        if (!long.TryParse(WebUtility.UrlDecode(expiry), out var expiresAt) || DateTimeOffset.FromUnixTimeSeconds(expiresAt) <= now)
        {
            return "The token has expired.";
        }

        if (!Covers(WebUtility.UrlDecode(resource), audience))
        {
            return $"The token is for '{WebUtility.UrlDecode(resource)}', not '{audience}'.";
        }

        return null;
    }

    /// <summary>Builds a token the way the SDK does (tests and the HTTP admin client use it).</summary>
    public string CreateToken(string resource, TimeSpan validFor)
    {
        var encodedResource = WebUtility.UrlEncode(resource);
        var expiry = DateTimeOffset.UtcNow.Add(validFor).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Prefix}sr={encodedResource}&sig={WebUtility.UrlEncode(Sign(encodedResource, expiry))}&se={expiry}&skn={WebUtility.UrlEncode(keyName)}";
    }

    private string Sign(string encodedResource, string expiry)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{encodedResource}\n{WebUtility.UrlDecode(expiry)}"));
        return Convert.ToBase64String(hash);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>A token for a namespace covers all its entities; one for an entity covers it and its sub-entities. Scheme and port do not matter.</summary>
    private static bool Covers(string resource, string audience)
    {
        static string? Key(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? (uri.Host + "/" + Uri.UnescapeDataString(uri.AbsolutePath).Trim('/')).TrimEnd('/').ToLowerInvariant()
            : null;

        var granted = Key(resource);
        var wanted = Key(audience);
        return granted is not null && wanted is not null
            && (wanted == granted || wanted.StartsWith(granted + "/", StringComparison.Ordinal));
    }
}
