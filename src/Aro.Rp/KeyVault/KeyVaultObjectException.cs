namespace Aro.Rp.KeyVault;

/// <summary>One object of the RP's Key Vault could not be read; <see cref="Status"/> is Key Vault's HTTP status (0: no answer).</summary>
internal sealed class KeyVaultObjectException(string objectDescription, int status, string message, Exception? inner = null)
    : Exception($"{objectDescription}: {message}", inner)
{
    public string ObjectDescription { get; } = objectDescription;

    public int Status { get; } = status;
}
