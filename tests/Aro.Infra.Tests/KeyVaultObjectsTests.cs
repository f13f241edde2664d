using Aro.Rp.Hosting;

namespace Aro.Infra.Tests;

/// <summary>The Key Vault object names infra/ tells the operator to create are the ones the RP reads.</summary>
public sealed class KeyVaultObjectsTests
{
    [Fact]
    public void Infra_names_the_certificates_and_the_sealing_key_as_the_rp_does()
    {
        var vault = CompiledTemplate.Main.Single("Microsoft.KeyVault/vaults");
        var names = vault.Variables["objectNames"]!;

        Assert.Equal(KeyVaultObjectNames.ServingCertificate, (string)names["servingCertificate"]!);
        Assert.Equal(KeyVaultObjectNames.AdminCa, (string)names["adminCa"]!);
        Assert.Equal(KeyVaultObjectNames.SealingKey, (string)names["sealingKey"]!);
    }

    [Fact]
    public void The_vault_is_in_rbac_mode()
    {
        var vault = CompiledTemplate.Main.Single("Microsoft.KeyVault/vaults");

        Assert.True((bool)vault.Json["properties"]!["enableRbacAuthorization"]!);
    }
}
