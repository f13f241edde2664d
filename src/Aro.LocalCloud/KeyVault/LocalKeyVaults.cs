using System.Security.Cryptography;

namespace Aro.LocalCloud.KeyVault;

/// <summary>
/// The vaults of the local cloud, each a host <c>{vault}.vault.localhost</c> that exists as soon as it is used. A vault
/// holds secrets and certificates, each a list of versions in creation order (the last is the current one). State is in
/// memory: vault contents do not survive a restart of the local cloud.
/// </summary>
public sealed class LocalKeyVaults(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, List<VaultObjectVersion>>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, List<VaultObjectVersion>>> _certificates = new(StringComparer.OrdinalIgnoreCase);

    internal VaultObjectVersion SetSecret(string vault, string name, string value, string? contentType, IReadOnlyDictionary<string, string> tags)
    {
        var version = new VaultObjectVersion(NewVersion(), timeProvider.GetUtcNow(), value, contentType, tags);
        lock (_lock)
        {
            Versions(_secrets, vault, name).Add(version);
        }

        return version;
    }

    /// <summary>
    /// Replaces the tags (and the content type, when given) of one secret version, as Key Vault's "update secret" does;
    /// null when there is no such version. The value never changes: a version's value is immutable.
    /// </summary>
    internal VaultObjectVersion? UpdateSecret(string vault, string name, string version, IReadOnlyDictionary<string, string>? tags, string? contentType)
    {
        lock (_lock)
        {
            if (!_secrets.TryGetValue(vault, out var byName) || !byName.TryGetValue(name, out var versions))
            {
                return null;
            }

            var index = versions.FindIndex(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var updated = versions[index] with { Tags = tags ?? versions[index].Tags, ContentType = contentType ?? versions[index].ContentType };
            versions[index] = updated;
            return updated;
        }
    }

    /// <summary>Adds a certificate version and the managed secret behind it, under one version id as Key Vault does.</summary>
    internal VaultObjectVersion ImportCertificate(string vault, string name, byte[] der, string secretValue, string contentType, IReadOnlyDictionary<string, string> tags)
    {
        var id = NewVersion();
        var now = timeProvider.GetUtcNow();
        var certificate = new VaultObjectVersion(id, now, null, contentType, tags, der);
        lock (_lock)
        {
            Versions(_certificates, vault, name).Add(certificate);
            Versions(_secrets, vault, name).Add(new VaultObjectVersion(id, now, secretValue, contentType, tags, der));
        }

        return certificate;
    }

    /// <summary>True when a secret of that name exists and is the one behind a certificate.</summary>
    internal bool IsCertificateSecret(string vault, string name) => FindSecret(vault, name, null)?.IsCertificate == true;

    internal VaultObjectVersion? FindSecret(string vault, string name, string? version) => Find(_secrets, vault, name, version);

    internal VaultObjectVersion? FindCertificate(string vault, string name, string? version) => Find(_certificates, vault, name, version);

    internal IReadOnlyList<VaultObjectVersion>? SecretVersions(string vault, string name) => All(_secrets, vault, name);

    internal IReadOnlyList<VaultObjectVersion>? CertificateVersions(string vault, string name) => All(_certificates, vault, name);

    /// <summary>Forgets every vault (a clean slate between tests).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _secrets.Clear();
            _certificates.Clear();
        }
    }

    private VaultObjectVersion? Find(Dictionary<string, Dictionary<string, List<VaultObjectVersion>>> objects, string vault, string name, string? version)
    {
        lock (_lock)
        {
            if (!objects.TryGetValue(vault, out var byName) || !byName.TryGetValue(name, out var versions) || versions.Count == 0)
            {
                return null;
            }

            return string.IsNullOrEmpty(version)
                ? versions[^1]
                : versions.Find(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase));
        }
    }

    private IReadOnlyList<VaultObjectVersion>? All(Dictionary<string, Dictionary<string, List<VaultObjectVersion>>> objects, string vault, string name)
    {
        lock (_lock)
        {
            return objects.TryGetValue(vault, out var byName) && byName.TryGetValue(name, out var versions) ? [.. versions] : null;
        }
    }

    private static List<VaultObjectVersion> Versions(Dictionary<string, Dictionary<string, List<VaultObjectVersion>>> objects, string vault, string name)
    {
        if (!objects.TryGetValue(vault, out var byName))
        {
            objects[vault] = byName = new Dictionary<string, List<VaultObjectVersion>>(StringComparer.OrdinalIgnoreCase);
        }

        if (!byName.TryGetValue(name, out var versions))
        {
            byName[name] = versions = [];
        }

        return versions;
    }

    // Key Vault versions are 32 lower-case hex digits with no order in them; callers order by creation time.
    private static string NewVersion() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
