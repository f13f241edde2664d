using System.Security.Cryptography.X509Certificates;
using Aro.Persistence.Secrets;
using Aro.Rp.Hosting;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;

namespace Aro.Rp.KeyVault;

/// <summary>
/// Reads the RP's objects (<see cref="KeyVaultObjectNames"/>) from its vault. The serving certificate's private key comes
/// through the certificate's secret, as the SDK's <c>DownloadCertificateAsync</c> does it; the admin CA is read as a
/// certificate (its public part is all the RP trusts); every enabled version of the sealing-key secret is a key of the
/// ring, named by its version, oldest first, so the newest seals.
/// </summary>
internal sealed class KeyVaultMaterialReader(CertificateClient certificates, SecretClient secrets)
{
    public Uri VaultUri => certificates.VaultUri;

    public async Task<KeyVaultMaterial> ReadAsync(CancellationToken cancellationToken)
    {
        var serving = await ReadObjectAsync($"certificate {KeyVaultObjectNames.ServingCertificate}", async () =>
            (await certificates.DownloadCertificateAsync(KeyVaultObjectNames.ServingCertificate, cancellationToken: cancellationToken)).Value);
        if (!serving.HasPrivateKey)
        {
            throw new KeyVaultObjectException($"certificate {KeyVaultObjectNames.ServingCertificate}", 200, "its secret holds no private key (import the certificate with its key).");
        }

        var adminCa = await ReadObjectAsync($"certificate {KeyVaultObjectNames.AdminCa}", async () =>
            X509CertificateLoader.LoadCertificate((await certificates.GetCertificateAsync(KeyVaultObjectNames.AdminCa, cancellationToken)).Value.Cer));
        var keys = await ReadObjectAsync($"secret {KeyVaultObjectNames.SealingKey}", () => ReadSealingKeysAsync(cancellationToken));
        return new KeyVaultMaterial(serving, adminCa, keys);
    }

    private async Task<IReadOnlyList<SecretKey>> ReadSealingKeysAsync(CancellationToken cancellationToken)
    {
        var versions = new List<SecretProperties>();
        await foreach (var properties in secrets.GetPropertiesOfSecretVersionsAsync(KeyVaultObjectNames.SealingKey, cancellationToken))
        {
            if (properties.Enabled != false)
            {
                versions.Add(properties);
            }
        }

        if (versions.Count == 0)
        {
            throw new KeyVaultObjectException($"secret {KeyVaultObjectNames.SealingKey}", 404, "it has no enabled version.");
        }

        var keys = new List<SecretKey>();
        // Versions carry no order of their own; creation time does (a stable sort keeps the listing's order for equal times).
        foreach (var version in versions.OrderBy(properties => properties.CreatedOn))
        {
            var value = (await secrets.GetSecretAsync(KeyVaultObjectNames.SealingKey, version.Version, cancellationToken)).Value.Value;
            byte[] material;
            try
            {
                material = Convert.FromBase64String(value.Trim());
            }
            catch (FormatException)
            {
                material = [];
            }

            if (material.Length != SecretKey.SizeInBytes || !SecretKey.IsValidId(version.Version))
            {
                // Refused rather than skipped: values sealed with this version would silently stop opening.
                throw new KeyVaultObjectException($"secret {KeyVaultObjectNames.SealingKey}", 200,
                    $"version {version.Version} is not {SecretKey.SizeInBytes} random bytes in base64 (head -c {SecretKey.SizeInBytes} /dev/urandom | base64).");
            }

            keys.Add(new SecretKey(version.Version, material));
        }

        return keys;
    }

    private static async Task<T> ReadObjectAsync<T>(string description, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (RequestFailedException e)
        {
            throw new KeyVaultObjectException(description, e.Status, FirstLine(e.Message), e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new KeyVaultObjectException(description, 401, "no token for Key Vault: " + FirstLine(e.Message), e);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KeyVaultObjectException(description, 200, "not a readable certificate: " + FirstLine(e.Message), e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
