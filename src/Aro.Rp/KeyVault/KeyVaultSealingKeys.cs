using System.Security.Cryptography;
using Aro.Persistence.Secrets;
using Aro.Rp.Hosting;
using Azure.Security.KeyVault.Secrets;

namespace Aro.Rp.KeyVault;

/// <summary>
/// The sealing-key secret (<see cref="KeyVaultObjectNames.SealingKey"/>): each enabled version is a key named by its
/// version, holding <see cref="SecretKey.SizeInBytes"/> random bytes in base64; ordered by creation time, the newest seals.
/// Failures are <see cref="KeyVaultObjectException"/>s.
/// </summary>
internal sealed class KeyVaultSealingKeys(SecretClient secrets)
{
    private const string Description = $"secret {KeyVaultObjectNames.SealingKey}";

    public Uri VaultUri => secrets.VaultUri;

    /// <summary>The enabled versions, oldest first.</summary>
    public Task<IReadOnlyList<SecretProperties>> ListVersionsAsync(CancellationToken cancellationToken) =>
        KeyVaultObjectException.OnFailureOfAsync(Description, async () =>
        {
            var versions = new List<SecretProperties>();
            await foreach (var properties in secrets.GetPropertiesOfSecretVersionsAsync(KeyVaultObjectNames.SealingKey, cancellationToken))
            {
                if (properties.Enabled != false)
                {
                    versions.Add(properties);
                }
            }

            // Versions carry no order of their own; creation time does (a stable sort keeps the listing's order for equal times).
            return (IReadOnlyList<SecretProperties>)[.. versions.OrderBy(properties => properties.CreatedOn)];
        });

    /// <summary>Every key, oldest first; refuses a secret with no enabled version or a version that is not a key.</summary>
    public async Task<IReadOnlyList<SecretKey>> ReadKeysAsync(CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new KeyVaultObjectException(Description, 404, "it has no enabled version.");
        }

        var keys = new List<SecretKey>();
        foreach (var version in versions)
        {
            var value = await KeyVaultObjectException.OnFailureOfAsync(Description, async () =>
                (await secrets.GetSecretAsync(KeyVaultObjectNames.SealingKey, version.Version, cancellationToken)).Value.Value);
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
                throw new KeyVaultObjectException(Description, 200,
                    $"version {version.Version} is not {SecretKey.SizeInBytes} random bytes in base64 (head -c {SecretKey.SizeInBytes} /dev/urandom | base64).");
            }

            keys.Add(new SecretKey(version.Version, material));
        }

        return keys;
    }

    /// <summary>Adds a version holding a fresh random key, created with <paramref name="tags"/>; it seals once readers see it.</summary>
    public Task<SecretProperties> AddVersionAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var material = RandomNumberGenerator.GetBytes(SecretKey.SizeInBytes);
        var secret = new KeyVaultSecret(KeyVaultObjectNames.SealingKey, Convert.ToBase64String(material));
        CryptographicOperations.ZeroMemory(material);
        foreach (var (name, value) in tags)
        {
            secret.Properties.Tags[name] = value;
        }

        return KeyVaultObjectException.OnFailureOfAsync(Description, async () =>
            (await secrets.SetSecretAsync(secret, cancellationToken)).Value.Properties);
    }

    /// <summary>Sets one tag of an existing version (its value, and so the key, never changes).</summary>
    public Task TagVersionAsync(SecretProperties version, string name, string value, CancellationToken cancellationToken)
    {
        version.Tags[name] = value;
        return KeyVaultObjectException.OnFailureOfAsync(Description, async () =>
            (await secrets.UpdateSecretPropertiesAsync(version, cancellationToken)).Value);
    }
}
