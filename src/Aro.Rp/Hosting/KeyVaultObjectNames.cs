namespace Aro.Rp.Hosting;

/// <summary>
/// What the RP keeps in its Key Vault (ARO_KEYVAULT_URL) on Azure, by name. infra/modules/keyvault.bicep names the same
/// objects for the operator who creates them; a test keeps the two equal.
/// </summary>
public static class KeyVaultObjectNames
{
    /// <summary>The certificate the frontend serves HTTPS with (private key read through the secret endpoint).</summary>
    public const string ServingCertificate = "rp-serving-certificate";

    /// <summary>The CA that signs admin client certificates (cluster admin kubeconfigs).</summary>
    public const string AdminCa = "rp-admin-ca";

    /// <summary>The secret-sealing key: every version opens what it sealed, the newest seals.</summary>
    public const string SealingKey = "rp-secret-sealing-key";
}
