using Aro.Rp.Hosting;
using Aro.Rp.KeyVault;
using Azure.Security.KeyVault.Secrets;

namespace Aro.Rp.Operators;

/// <summary>
/// The sealing-key secret in Key Vault (ARO_KEYVAULT_URL) as a rotation's key source, or as the keys an operator command
/// opens the store with, reached with the credential the RP uses for Key Vault (ARO_AZURE_CREDENTIAL,
/// ARO_MANAGED_IDENTITY_CLIENT_ID), which needs Key Vault Secrets Officer to rotate and Secrets User to read.
/// The version a rotation adds carries the tag <see cref="RotationTag"/> = <see cref="InProgress"/> from the request that
/// creates it, so no crash can leave a new key unrecorded; the end of the rotation sets the tag to
/// <see cref="Finished"/> (kept rather than removed: the version then shows, in the portal too, which rotation added it
/// and that it ran to the end). A rotation that finds the newest version still in progress goes on with it.
/// </summary>
internal sealed class KeyVaultSealingKeySource : ISealingKeySource, IAsyncDisposable
{
    public const string RotationTag = "aro-rotation";
    public const string InProgress = "in-progress";
    public const string Finished = "finished";

    private readonly ServiceProvider _services;
    private readonly KeyVaultSealingKeys _keys;

    private KeyVaultSealingKeySource(ServiceProvider services, KeyVaultSealingKeys keys)
    {
        _services = services;
        _keys = keys;
    }

    /// <summary>The keys the store re-seals with: every enabled version, the rotation's sealing; loaded by <see cref="BeginAsync"/>.</summary>
    public RotationKeyRing KeyRing { get; } = new();

    public string Location => $"Key Vault {_keys.VaultUri} (secret {KeyVaultObjectNames.SealingKey})";

    public string WhenTheRpSealsWithIt => "once it re-reads Key Vault (ARO_KEYVAULT_REFRESH_INTERVAL) or restarts";

    /// <summary>
    /// The sealing keys of the vault ARO_KEYVAULT_URL names, or null when it is unset (the RP then uses the file key ring);
    /// a value that is not an absolute URL is an <see cref="OperatorCommandException"/>.
    /// </summary>
    public static KeyVaultSealingKeySource? OpenConfigured(IConfiguration configuration)
    {
        var setting = configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.KeyVaultUrl)}"];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var vault = KeyVaultRegistration.VaultUri(configuration)
            ?? throw new OperatorCommandException($"ARO_KEYVAULT_URL '{setting}' is not an absolute URL (https://<vault>.vault.azure.net/).");
        return Open(configuration, vault);
    }

    /// <summary>The vault's sealing keys with the RP's Key Vault credential, or an <see cref="OperatorCommandException"/> naming the setting to fix.</summary>
    public static KeyVaultSealingKeySource Open(IConfiguration configuration, Uri vault)
    {
        var services = new ServiceCollection().AddKeyVaultSealingKeys(configuration, vault).BuildServiceProvider();
        try
        {
            return new KeyVaultSealingKeySource(services, services.GetRequiredService<KeyVaultSealingKeys>());
        }
        catch (InvalidOperationException e)
        {
            // The credential settings are inconsistent (AzureCredentialFactory says which).
            services.Dispose();
            throw new OperatorCommandException(e.Message);
        }
    }

    /// <summary>
    /// Loads into <see cref="KeyRing"/> the keys the RP holds: every enabled version opens, the newest seals (for a command
    /// that reads the store rather than rotating). Needs Key Vault Secrets User only.
    /// </summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var keys = await CallAsync("read the versions of", () => _keys.ReadKeysAsync(cancellationToken), Purpose.Read);
        KeyRing.Load(keys, keys[^1].Id);
    }

    public async Task<(string KeyId, bool Resumed)> BeginAsync(CancellationToken cancellationToken)
    {
        var versions = await CallAsync("list the versions of", () => _keys.ListVersionsAsync(cancellationToken), Purpose.Rotate);
        var interrupted = versions.Count > 0 && IsInProgress(versions[^1]) ? versions[^1] : null;
        var sealing = interrupted ?? await CallAsync("add a version to", () =>
            _keys.AddVersionAsync(new Dictionary<string, string> { [RotationTag] = InProgress }, cancellationToken), Purpose.Rotate);
        KeyRing.Load(await CallAsync("read the versions of", () => _keys.ReadKeysAsync(cancellationToken), Purpose.Rotate), sealing.Version);
        return (sealing.Version, interrupted is not null);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        // Every version still marked, including one of a rotation another key overtook, so none is taken up again.
        foreach (var version in (await CallAsync("list the versions of", () => _keys.ListVersionsAsync(cancellationToken), Purpose.Rotate)).Where(IsInProgress))
        {
            await CallAsync("mark the rotation finished on", async () =>
            {
                await _keys.TagVersionAsync(version, RotationTag, Finished, cancellationToken);
                return true;
            }, Purpose.Rotate);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static bool IsInProgress(SecretProperties version) =>
        version.Tags.TryGetValue(RotationTag, out var state) && state == InProgress;

    private async Task<T> CallAsync<T>(string action, Func<Task<T>> call, Purpose purpose)
    {
        try
        {
            return await call();
        }
        catch (KeyVaultObjectException e)
        {
            throw new OperatorCommandException(e.Status switch
            {
                401 or 403 => $"Key Vault {_keys.VaultUri} refused to {action} {e.ObjectDescription} ({e.Status}): the identity this command runs as (ARO_AZURE_CREDENTIAL, ARO_MANAGED_IDENTITY_CLIENT_ID) needs {purpose.Role} on the vault.",
                0 => $"Key Vault {_keys.VaultUri} did not answer when asked to {action} {e.ObjectDescription} ({e.Reason}). Run the command again once it does{purpose.OnRetry}.",
                _ => $"Key Vault {_keys.VaultUri} could not {action} {e.ObjectDescription} ({e.Status}): {e.Reason}",
            });
        }
    }

    /// <summary>What a call serves: the role it needs, and what running the command again does.</summary>
    private sealed record Purpose(string Role, string OnRetry)
    {
        public static readonly Purpose Read = new("Key Vault Secrets User", "");
        public static readonly Purpose Rotate = new("Key Vault Secrets Officer", ": a rotation under way goes on with its key");
    }
}
