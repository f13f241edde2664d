using System.Security.Cryptography;
using System.Text;

namespace Aro.Persistence.Secrets;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value. Format: <c>enc:v1:&lt;keyId&gt;:&lt;base64(nonce|tag|ciphertext)&gt;</c>.
/// The "enc:v1:&lt;keyId&gt;" header is authenticated as associated data, so a value cannot be relabelled
/// to another key or format version without failing to open.
/// </summary>
public sealed class AesGcmSecretProtector(ISecretKeyRing keyRing) : ISecretProtector
{
    public const string Prefix = "enc:v1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Protect(ReadOnlySpan<byte> plaintext)
    {
        var key = keyRing.CurrentKey;
        var header = Prefix + key.Id;
        var payload = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = payload.AsSpan(0, NonceSize);
        var tag = payload.AsSpan(NonceSize, TagSize);
        var ciphertext = payload.AsSpan(NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(header));
        return header + ":" + Convert.ToBase64String(payload);
    }

    public byte[] Unprotect(string protectedValue)
    {
        var separator = IsProtected(protectedValue) ? protectedValue.IndexOf(':', Prefix.Length) : -1;
        if (separator < 0)
        {
            throw new CryptographicException("The value is not a protected secret.");
        }

        var header = protectedValue[..separator];
        var keyId = header[Prefix.Length..];
        var key = keyRing.FindKey(keyId)
            ?? throw new CryptographicException($"The secret was sealed with key '{keyId}', which is not in the key ring.");

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("The protected secret is not valid base64.", exception);
        }

        if (payload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected secret is truncated.");
        }

        var plaintext = new byte[payload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Decrypt(
            payload.AsSpan(0, NonceSize),
            payload.AsSpan(NonceSize + TagSize),
            payload.AsSpan(NonceSize, TagSize),
            plaintext,
            Encoding.UTF8.GetBytes(header));
        return plaintext;
    }

    public bool IsProtected(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);
}
