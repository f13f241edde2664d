namespace Aro.Persistence.Secrets;

/// <summary>
/// Seals secrets for storage. Synchronous on purpose: it runs inside JSON converters, so key material
/// must already be at hand (a remote key store is read by the key ring, not per value).
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts and authenticates <paramref name="plaintext"/>; the result names the key that sealed it.</summary>
    string Protect(ReadOnlySpan<byte> plaintext);

    /// <summary>Opens a value made by <see cref="Protect"/> with whichever key of the ring sealed it.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The value is malformed, was tampered with, or its key is unknown.</exception>
    byte[] Unprotect(string protectedValue);

    /// <summary>Whether <paramref name="value"/> has the shape of a sealed value.</summary>
    bool IsProtected(string value);
}
