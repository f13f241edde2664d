using System.Buffers.Text;
using System.Net;
using System.Text;
using Aro.Api;
using Aro.Persistence.Secrets;

namespace Aro.Frontend.Paging;

/// <summary>
/// Turns a store continuation token into the <c>$skipToken</c> of a nextLink and back. The token is bound to
/// the list scope it was issued for (subscription or resource group) and authenticated with a key derived
/// from the secret key ring, so clients cannot forge one, edit one, or replay one in another scope: all of
/// those are refused as InvalidParameter on $skipToken instead of reaching the store.
/// Layout, base64url: version (1 byte) | key id length (1 byte) | key id | HMAC-SHA256 (32 bytes) | continuation (UTF-8).
/// </summary>
internal sealed class SkipTokenProtector(IPurposeMac mac)
{
    public const string QueryParameter = "$skipToken";

    private const string Purpose = "openshiftclusters-list-skiptoken";
    private const byte Version = 1;
    private const int MaxTokenLength = 4096;

    /// <summary>The id of the key <see cref="Protect"/> signs with now: a token made before under another is made anew.</summary>
    public string CurrentKeyId => mac.CurrentKeyId;

    public string Protect(string scope, string continuation)
    {
        var tag = mac.Sign(Purpose, SignedData(scope, continuation));
        var keyId = Encoding.ASCII.GetBytes(tag.KeyId);
        var continuationBytes = Encoding.UTF8.GetBytes(continuation);
        var token = new byte[2 + keyId.Length + tag.Mac.Length + continuationBytes.Length];
        token[0] = Version;
        token[1] = checked((byte)keyId.Length);
        keyId.CopyTo(token, 2);
        tag.Mac.CopyTo(token, 2 + keyId.Length);
        continuationBytes.CopyTo(token, 2 + keyId.Length + tag.Mac.Length);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The store continuation token inside <paramref name="token"/>, if it was issued for <paramref name="scope"/>.</summary>
    /// <exception cref="CloudError">400 InvalidParameter on $skipToken: malformed, tampered with, foreign or signed with an unknown key.</exception>
    public string Unprotect(string scope, string token)
    {
        if (token.Length > MaxTokenLength || !TryDecode(token, out var bytes) || bytes.Length < 2 || bytes[0] != Version)
        {
            throw Invalid();
        }

        var keyIdLength = bytes[1];
        var macOffset = 2 + keyIdLength;
        var continuationOffset = macOffset + HmacPurposeMac.MacSizeInBytes;
        if (bytes.Length <= continuationOffset)
        {
            throw Invalid();
        }

        string continuation;
        try
        {
            continuation = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, continuationOffset, bytes.Length - continuationOffset);
        }
        catch (ArgumentException)
        {
            throw Invalid();
        }

        var keyId = Encoding.ASCII.GetString(bytes, 2, keyIdLength);
        // A forged key id is refused on its shape, before any key is looked up.
        if (!SecretKey.IsValidId(keyId) || !mac.Verify(Purpose, keyId, SignedData(scope, continuation), bytes.AsSpan(macOffset, HmacPurposeMac.MacSizeInBytes)))
        {
            throw Invalid();
        }

        return continuation;
    }

    // The scope is signed but not carried: the request names it, and a token replayed under another scope fails.
    // Scopes are validated lower-case paths without line breaks, so the separator keeps the encoding unambiguous.
    private static byte[] SignedData(string scope, string continuation) =>
        Encoding.UTF8.GetBytes($"v{Version}\n{scope}\n{continuation}");

    private static bool TryDecode(string token, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static CloudError Invalid() =>
        new(HttpStatusCode.BadRequest, CloudErrorCodes.InvalidParameter, QueryParameter, $"The provided {QueryParameter} is malformed or invalid.");
}
