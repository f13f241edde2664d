using System.Security.Cryptography;
using System.Text;

namespace Aro.Persistence.Secrets;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value. Format: <c>enc:v2:&lt;keyId&gt;:&lt;base64(nonce|tag|ciphertext)&gt;</c>.
/// The associated data is the "enc:v2:&lt;keyId&gt;" header, the document id and the field name (NUL-separated), so a
/// value cannot be relabelled to another key or format version, nor moved to another document or field, and still open.
/// </summary>
public sealed class AesGcmSecretProtector(ISecretKeyRing keyRing) : ISecretProtector
{
    public const string Prefix = "enc:v2:";

    // Values of the first format were bound to their key only. No installation holds them (the format changed before
    // any release), so they are refused like any other value that is not sealed for its place.
    private const string UnboundPrefix = "enc:v1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Protect(ReadOnlySpan<byte> plaintext, SecretBinding binding)
    {
        var key = keyRing.CurrentKey;
        var header = Prefix + key.Id;
        var payload = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = payload.AsSpan(0, NonceSize);
        var tag = payload.AsSpan(NonceSize, TagSize);
        var ciphertext = payload.AsSpan(NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(header, binding));
        return header + ":" + Convert.ToBase64String(payload);
    }

    public byte[] Unprotect(string protectedValue, SecretBinding binding)
    {
        var separator = protectedValue.StartsWith(Prefix, StringComparison.Ordinal) ? protectedValue.IndexOf(':', Prefix.Length) : -1;
        if (separator < 0)
        {
            throw new CryptographicException(protectedValue.StartsWith(UnboundPrefix, StringComparison.Ordinal)
                ? $"The secret {binding} was sealed in the unbound format enc:v1, which is no longer accepted."
                : $"The secret {binding} is not a sealed value.");
        }

        var header = protectedValue[..separator];
        var keyId = header[Prefix.Length..];
        var key = keyRing.FindKey(keyId)
            ?? throw new CryptographicException($"The secret {binding} was sealed with key '{keyId}', which is not in the key ring.");

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException($"The sealed secret {binding} is not valid base64.", exception);
        }

        if (payload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"The sealed secret {binding} is truncated.");
        }

        var plaintext = new byte[payload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        try
        {
            aes.Decrypt(
                payload.AsSpan(0, NonceSize),
                payload.AsSpan(NonceSize + TagSize),
                payload.AsSpan(NonceSize, TagSize),
                plaintext,
                AssociatedData(header, binding));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CryptographicException(
                $"The sealed secret {binding} does not open: it was sealed for another document or field, or altered.", exception);
        }

        return plaintext;
    }

    private static byte[] AssociatedData(string header, SecretBinding binding) =>
        Encoding.UTF8.GetBytes($"{header}\0{binding.DocumentId}\0{binding.Field}");
}
