using System.Security.Cryptography.X509Certificates;
using Aro.Rp.Hosting;
using Azure.Security.KeyVault.Certificates;

namespace Aro.Rp.KeyVault;

/// <summary>
/// Reads the RP's objects (<see cref="KeyVaultObjectNames"/>) from its vault. The serving certificate's private key comes
/// through the certificate's secret, as the SDK's <c>DownloadCertificateAsync</c> does it; the admin CA is read as a
/// certificate (its public part is all the RP trusts); every enabled version of the sealing-key secret is a key of the
/// ring (<see cref="KeyVaultSealingKeys"/>).
/// </summary>
internal sealed class KeyVaultMaterialReader(CertificateClient certificates, KeyVaultSealingKeys sealingKeys)
{
    public Uri VaultUri => certificates.VaultUri;

    public async Task<KeyVaultMaterial> ReadAsync(CancellationToken cancellationToken)
    {
        var serving = await KeyVaultObjectException.OnFailureOfAsync($"certificate {KeyVaultObjectNames.ServingCertificate}", async () =>
            (await certificates.DownloadCertificateAsync(KeyVaultObjectNames.ServingCertificate, cancellationToken: cancellationToken)).Value);
        if (!serving.HasPrivateKey)
        {
            throw new KeyVaultObjectException($"certificate {KeyVaultObjectNames.ServingCertificate}", 200, "its secret holds no private key (import the certificate with its key).");
        }

        var adminCa = await KeyVaultObjectException.OnFailureOfAsync($"certificate {KeyVaultObjectNames.AdminCa}", async () =>
            X509CertificateLoader.LoadCertificate((await certificates.GetCertificateAsync(KeyVaultObjectNames.AdminCa, cancellationToken)).Value.Cer));
        var keys = await sealingKeys.ReadKeysAsync(cancellationToken);
        return new KeyVaultMaterial(serving, adminCa, keys);
    }
}
