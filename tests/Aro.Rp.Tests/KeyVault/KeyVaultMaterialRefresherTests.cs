using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Aro.Persistence.Secrets;
using Aro.Rp.Hosting;
using Aro.Rp.KeyVault;
using Aro.Rp.Tests.Hosting;
using Aro.Rp.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using static Aro.Rp.Tests.KeyVault.LocalVault;

namespace Aro.Rp.Tests.KeyVault;

/// <summary>The production RP reading its certificates and sealing keys from the local cloud's Key Vault, and following rotations.</summary>
[Collection(nameof(EnvironmentVariableCollection))]
public sealed class KeyVaultMaterialRefresherTests : IDisposable
{
    private static readonly SecretBinding Binding = new("/subscriptions/s/resourcegroups/rg/providers/microsoft.redhatopenshift/openshiftclusters/c", "adminKubeconfig");

    private readonly TestCertificates _certificates = new();

    /// <summary>A production RP whose serving certificate, admin CA and one sealing key come from a local vault it may read.</summary>
    private async Task<(ProductionRp Rp, LocalVault Vault, string ServingThumbprint)> StartWithVaultAsync()
    {
        LocalVault? vault = null;
        var servingThumbprint = "";
        var rp = await ProductionRp.StartAsync(_certificates, prepareCloud: async cloud =>
        {
            vault = new LocalVault(cloud, SecretsUser, CertificateUser);
            servingThumbprint = await vault.ImportServingCertificateAsync();
            await vault.ImportAdminCaAsync(_certificates.AdminCa);
            await vault.AddSealingKeyAsync();
            return vault.RpSettings;
        });
        return (rp, vault!, servingThumbprint);
    }

    [Fact]
    public async Task A_certificate_rotated_in_the_vault_is_served_after_the_next_refresh()
    {
        var started = await StartWithVaultAsync();
        await using var rp = started.Rp;
        using var vault = started.Vault;
        var first = started.ServingThumbprint;
        Assert.Equal(first, await ServedThumbprintAsync(rp));

        var second = await vault.ImportServingCertificateAsync();
        Assert.True(await rp.Services.GetRequiredService<KeyVaultMaterialRefresher>().RefreshAsync(CancellationToken.None));

        Assert.NotEqual(first, second);
        Assert.Equal(second, await ServedThumbprintAsync(rp));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_serving_the_last_certificate_and_the_RP_stays_ready()
    {
        var started = await StartWithVaultAsync();
        await using var rp = started.Rp;
        using var vault = started.Vault;
        var first = started.ServingThumbprint;
        await vault.ImportServingCertificateAsync();
        vault.RevokeRpRoles();

        Assert.False(await rp.Services.GetRequiredService<KeyVaultMaterialRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal(first, await ServedThumbprintAsync(rp));
        await rp.WaitUntilReadyAsync();
    }

    [Fact]
    public async Task A_value_sealed_before_a_key_rotation_still_opens_and_new_values_seal_with_the_new_key()
    {
        var started = await StartWithVaultAsync();
        await using var rp = started.Rp;
        using var vault = started.Vault;
        var protector = rp.Services.GetRequiredService<ISecretProtector>();
        var keyRing = rp.Services.GetRequiredService<ISecretKeyRing>();
        var sealedBefore = protector.Protect("kubeconfig v1"u8, Binding);
        var firstKey = keyRing.CurrentKey.Id;

        var secondKey = await vault.AddSealingKeyAsync();
        Assert.True(await rp.Services.GetRequiredService<KeyVaultMaterialRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal("kubeconfig v1"u8.ToArray(), protector.Unprotect(sealedBefore, Binding));
        Assert.Equal(secondKey, keyRing.CurrentKey.Id);
        var sealedAfter = protector.Protect("kubeconfig v2"u8, Binding);
        Assert.Contains(secondKey, sealedAfter, StringComparison.Ordinal);
        Assert.DoesNotContain(firstKey, sealedAfter, StringComparison.Ordinal);
        Assert.Equal("kubeconfig v2"u8.ToArray(), protector.Unprotect(sealedAfter, Binding));
    }

    [Fact]
    public async Task An_admin_CA_rotated_in_the_vault_is_trusted_after_the_next_refresh_and_the_old_one_no_longer()
    {
        using var rotatedCertificates = new TestCertificates();
        var started = await StartWithVaultAsync();
        await using var rp = started.Rp;
        using var vault = started.Vault;
        Assert.Equal(HttpStatusCode.NotFound, await AdminStatusAsync(rp, _certificates.Admin));
        Assert.Equal(HttpStatusCode.Forbidden, await AdminStatusAsync(rp, rotatedCertificates.Admin));

        await vault.ImportAdminCaAsync(rotatedCertificates.AdminCa);
        Assert.True(await rp.Services.GetRequiredService<KeyVaultMaterialRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, await AdminStatusAsync(rp, rotatedCertificates.Admin));
        Assert.Equal(HttpStatusCode.Forbidden, await AdminStatusAsync(rp, _certificates.Admin));
    }

    [Fact]
    public async Task An_identity_without_the_secrets_role_refuses_the_start_with_one_line_naming_the_vault()
    {
        LocalVault? vault = null;
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ProductionRp.StartAsync(_certificates, prepareCloud: async cloud =>
        {
            // Certificate User reads certificates and their secrets, but not the sealing key's secret.
            vault = new LocalVault(cloud, CertificateUser);
            await vault.ImportServingCertificateAsync();
            await vault.ImportAdminCaAsync(_certificates.AdminCa);
            await vault.AddSealingKeyAsync();
            return vault.RpSettings;
        }));
        vault?.Dispose();

        var refused = StartupRefusal.Of(failure);
        Assert.True(refused is not null, failure.ToString());
        var line = Assert.Single(refused.Problems);
        Assert.StartsWith($"ARO_KEYVAULT_URL {vault!.Uri}", line, StringComparison.Ordinal);
        Assert.Contains($"secret {KeyVaultObjectNames.SealingKey}", line, StringComparison.Ordinal);
        Assert.Contains("(403)", line, StringComparison.Ordinal);
    }

    public void Dispose() => _certificates.Dispose();

    private static async Task<HttpStatusCode> AdminStatusAsync(ProductionRp rp, X509Certificate2 certificate)
    {
        using var client = rp.Client(certificate);
        // No such cluster: an admin gets 404, anyone else 403 before routing.
        using var response = await client.GetAsync("/admin/subscriptions/7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/none");
        return response.StatusCode;
    }

    private static async Task<string> ServedThumbprintAsync(ProductionRp rp)
    {
        string? served = null;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    served = certificate is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(certificate.GetRawCertData()));
                    return true;
                },
            },
        })
        { BaseAddress = rp.BaseAddress };
        using var response = await client.GetAsync("/healthz");
        response.EnsureSuccessStatusCode();
        return served ?? throw new InvalidOperationException("No certificate was presented.");
    }
}
