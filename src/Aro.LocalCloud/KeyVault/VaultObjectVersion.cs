namespace Aro.LocalCloud.KeyVault;

/// <summary>
/// One version of a secret, or of a certificate (which Key Vault backs with a "managed" secret of the same name and
/// version holding the certificate with its private key). A version's value never changes; an update of its tags or
/// content type replaces the record.
/// </summary>
internal sealed record VaultObjectVersion(
    string Version,
    DateTimeOffset Created,
    string? Value,
    string? ContentType,
    IReadOnlyDictionary<string, string> Tags,
    byte[]? Certificate = null)
{
    /// <summary>True for the secret behind a certificate (Key Vault marks it managed and refuses to overwrite it as a secret).</summary>
    public bool IsCertificate => Certificate is not null;
}
