namespace Aro.Persistence.Secrets;

/// <summary>
/// Seals secrets for storage, each bound to the document and field it belongs to. Synchronous on purpose: it runs
/// inside JSON converters, so key material must already be at hand (a remote key store is read by the key ring,
/// not per value).
/// </summary>
public interface ISecretProtector
{
    /// <summary>
    /// Encrypts and authenticates <paramref name="plaintext"/> for <paramref name="binding"/>; the result names the key
    /// that sealed it.
    /// </summary>
    string Protect(ReadOnlySpan<byte> plaintext, SecretBinding binding);

    /// <summary>Opens a value made by <see cref="Protect"/> for the same binding, with whichever key of the ring sealed it.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The value is not a sealed value of this format, is malformed, was tampered with, was sealed for another document
    /// or field, or its key is unknown.
    /// </exception>
    byte[] Unprotect(string protectedValue, SecretBinding binding);
}
