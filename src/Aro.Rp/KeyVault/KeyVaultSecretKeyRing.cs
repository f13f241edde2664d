using Aro.Persistence.Secrets;

namespace Aro.Rp.KeyVault;

/// <summary>
/// The sealing keys as last read from Key Vault: every enabled version of the secret opens what it sealed, the newest
/// seals. A key added in the vault is known here after the next refresh (ARO_KEYVAULT_REFRESH_INTERVAL).
/// </summary>
internal sealed class KeyVaultSecretKeyRing(KeyVaultMaterialRefresher refresher) : ISecretKeyRing
{
    public SecretKey CurrentKey => Keys[^1];

    public SecretKey? FindKey(string keyId) =>
        Keys.FirstOrDefault(key => string.Equals(key.Id, keyId, StringComparison.Ordinal));

    private IReadOnlyList<SecretKey> Keys => refresher.Current?.SealingKeys
        ?? throw new InvalidOperationException("The sealing keys have not been read from Key Vault yet (ARO_KEYVAULT_URL).");
}
