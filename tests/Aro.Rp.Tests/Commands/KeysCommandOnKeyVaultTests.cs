using System.Security.Cryptography;
using Aro.Api.Model;
using Aro.LocalCloud;
using Aro.Persistence.Secrets;
using Aro.Persistence.Sqlite;
using Aro.Rp.Commands;
using Aro.Rp.Hosting;
using Aro.Rp.KeyVault;
using Aro.Rp.Operators;
using Aro.Rp.Tests.Hosting;
using Aro.Rp.Tests.KeyVault;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Aro.Rp.Tests.KeyVault.LocalVault;

namespace Aro.Rp.Tests.Commands;

/// <summary>
/// <c>aro-rp keys rotate</c> with ARO_KEYVAULT_URL: a temporary SQLite store whose secrets are sealed with a version of
/// the local cloud's sealing-key secret, rotated by the identity the RP's Key Vault settings name; and the other operator
/// commands opening that store with the vault's keys.
/// </summary>
[Collection(nameof(EnvironmentVariableCollection))]
public sealed class KeysCommandOnKeyVaultTests : IAsyncLifetime
{
    private LocalCloudServer _cloud = null!;
    private LocalVault? _vault;
    private TemporaryStore? _store;

    private LocalVault Vault => _vault!;

    private TemporaryStore Store => _store!;

    public async Task InitializeAsync() => _cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });

    public async Task DisposeAsync()
    {
        _vault?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task Rotate_adds_a_version_and_reseals_every_cluster_with_it()
    {
        var (settings, firstKey, clusters) = await PrepareAsync(SecretsUser, SecretsOfficer, CertificateUser);
        var console = new TestConsole();

        var exitCode = await KeysCommand.RotateAsync(settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal("", console.Error.ToString());
        var versions = await VersionsAsync();
        Assert.Equal(2, versions.Count);
        var added = Assert.Single(versions, version => version.Version != firstKey);
        Assert.Equal(KeyVaultSealingKeySource.Finished, added.Tags[KeyVaultSealingKeySource.RotationTag]);
        Assert.Contains($"Added sealing key {added.Version} in Key Vault {Vault.Uri}", console.Output, StringComparison.Ordinal);
        Assert.Contains($"Re-sealed {clusters.Length} cluster(s) with key {added.Version}", console.Output, StringComparison.Ordinal);
        await AssertSealedOnlyWithAsync(added.Version, firstKey, clusters);

        // The RP reading the vault as it does every ARO_KEYVAULT_REFRESH_INTERVAL seals with the new version.
        Assert.Equal(added.Version, await KeyTheRpSealsWithAsync(settings));
    }

    [Fact]
    public async Task Rotate_after_an_interrupted_rotation_finishes_it_with_the_same_version()
    {
        var (settings, firstKey, clusters) = await PrepareAsync(SecretsUser, SecretsOfficer);
        string interruptedKey;
        await using (var keyVault = KeyVaultSealingKeySource.Open(settings, Vault.Uri))
        await using (var store = OperatorStore.Open(settings, keyVault.KeyRing))
        {
            // A rotation that stopped after re-sealing one cluster of three.
            var rotation = new SealingKeyRotation(store, keyVault);
            interruptedKey = (await rotation.BeginAsync(CancellationToken.None)).KeyId;
            var documents = await rotation.ListAsync(CancellationToken.None);
            Assert.True(await rotation.ResealAsync(documents[0], CancellationToken.None));
        }

        Assert.Equal(KeyVaultSealingKeySource.InProgress, (await VersionsAsync()).Single(v => v.Version == interruptedKey).Tags[KeyVaultSealingKeySource.RotationTag]);
        var console = new TestConsole();

        var exitCode = await KeysCommand.RotateAsync(settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Resuming the rotation to sealing key {interruptedKey}", console.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { firstKey, interruptedKey }.Order(), (await VersionsAsync()).Select(v => v.Version).Order());
        await AssertSealedOnlyWithAsync(interruptedKey, firstKey, clusters);

        // Finished: the next run is a new rotation.
        var next = new TestConsole();
        Assert.Equal(0, await KeysCommand.RotateAsync(settings, next.Console, next.Error, CancellationToken.None));
        Assert.Contains("Added sealing key", next.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await VersionsAsync()).Count);
    }

    [Fact]
    public async Task Rotate_by_an_identity_that_may_only_read_the_vault_fails_in_one_line_and_adds_nothing()
    {
        var (settings, firstKey, clusters) = await PrepareAsync(SecretsUser);
        var console = new TestConsole();

        var exitCode = await KeysCommand.RotateAsync(settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"aro-rp: Key Vault {Vault.Uri} refused to add a version to secret {KeyVaultObjectNames.SealingKey} (403)", line, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets Officer", line, StringComparison.Ordinal);
        Assert.Equal(firstKey, Assert.Single(await VersionsAsync()).Version);
        await AssertSealedOnlyWithAsync(firstKey, null, clusters);
    }

    [Fact]
    public async Task Rotate_against_a_vault_that_does_not_answer_fails_in_one_line()
    {
        var (settings, _, _) = await PrepareAsync(SecretsUser, SecretsOfficer);
        var silentVault = new Uri($"https://{Name}.vault.localhost:{FreePort.Next()}/");
        var console = new TestConsole();

        var exitCode = await KeysCommand.RotateAsync(With(settings, "Rp:KeyVaultUrl", silentVault.ToString()), console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"aro-rp: Key Vault {silentVault} did not answer when asked to list the versions of secret {KeyVaultObjectNames.SealingKey}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clusters_show_and_list_open_a_store_sealed_with_the_vault_versions()
    {
        var (settings, _, clusters) = await PrepareAsync(SecretsUser);
        var show = new TestConsole();
        var list = new TestConsole();

        var showExitCode = await ClustersCommand.ShowAsync(settings, clusters[1], show.Console, show.Error, CancellationToken.None);
        var listExitCode = await ClustersCommand.ListAsync(settings, list.Console, list.Error, CancellationToken.None);

        Assert.Equal(0, showExitCode);
        Assert.Equal("", show.Error.ToString());
        Assert.Contains("ValidatingNetwork", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TemporaryStore.ClientSecret, show.Output, StringComparison.Ordinal);
        Assert.Equal(0, listExitCode);
        Assert.Equal("", list.Error.ToString());
        Assert.Contains(list.Output.Split('\n'), line => line.Contains("rg-c", StringComparison.Ordinal));

        await using (var store = await OperatorStore.OpenAsync(settings, CancellationToken.None))
        {
            var status = await store.GetClusterAsync(clusters[0], CancellationToken.None);
            Assert.Equal(TemporaryStore.ClientSecret, status.Cluster.Properties.ServicePrincipalProfile!.ClientSecret);
        }

        // The file key ring of ARO_DATA_DIR, which the commands opened before whatever ARO_KEYVAULT_URL said, does not open them.
        await using var withoutTheVault = await OperatorStore.OpenAsync(Store.Settings, CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => withoutTheVault.GetClusterAsync(clusters[0], CancellationToken.None));
    }

    [Fact]
    public async Task Clusters_list_by_an_identity_that_may_not_read_the_secret_fails_in_one_line()
    {
        var (settings, _, _) = await PrepareAsync(CertificateUser);
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ListAsync(settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"aro-rp: Key Vault {Vault.Uri} refused to read the versions of secret {KeyVaultObjectNames.SealingKey} (403)", line, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", line, StringComparison.Ordinal);
    }

    /// <summary>A vault whose RP identity holds <paramref name="rpRoles"/>, one sealing-key version, and three clusters sealed with it.</summary>
    private async Task<(IConfiguration Settings, string FirstKey, string[] Clusters)> PrepareAsync(params string[] rpRoles)
    {
        _vault = new LocalVault(_cloud, rpRoles);
        var material = RandomNumberGenerator.GetBytes(SecretKey.SizeInBytes);
        var firstKey = (await Vault.Secrets.SetSecretAsync(KeyVaultObjectNames.SealingKey, Convert.ToBase64String(material))).Value.Properties.Version;
        var keyRing = new RotationKeyRing();
        keyRing.Load([new SecretKey(firstKey, material)], firstKey);
        _store = await TemporaryStore.CreateAsync(keyRing);
        string[] clusters =
        [
            await Store.AddClusterAsync("rg-a", "a", ProvisioningState.Succeeded),
            await Store.AddClusterAsync("rg-b", "b", ProvisioningState.Creating, step: "ValidatingNetwork"),
            await Store.AddClusterAsync("rg-c", "c", ProvisioningState.Succeeded),
        ];
        var settings = new ConfigurationBuilder()
            .AddConfiguration(Store.Settings)
            .AddInMemoryCollection(Vault.RpSettings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cloud:AllowUntrustedCertificates"] = "true" })
            .Build();
        return (settings, firstKey, clusters);
    }

    private static IConfiguration With(IConfiguration settings, string key, string value) =>
        new ConfigurationBuilder().AddConfiguration(settings).AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

    private async Task<List<SecretProperties>> VersionsAsync()
    {
        var versions = new List<SecretProperties>();
        await foreach (var version in Vault.Secrets.GetPropertiesOfSecretVersionsAsync(KeyVaultObjectNames.SealingKey))
        {
            versions.Add(version);
        }

        return versions;
    }

    /// <summary>
    /// Every stored document names <paramref name="keyId"/> in its sealed values and never <paramref name="oldKeyId"/>,
    /// and opens with that one key alone into the secrets it was created with.
    /// </summary>
    private async Task AssertSealedOnlyWithAsync(string keyId, string? oldKeyId, string[] clusters)
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(Store.DataDirectory, SqliteDatabase.FileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT body FROM open_shift_clusters";
            await using var reader = await command.ExecuteReaderAsync();
            var bodies = 0;
            while (await reader.ReadAsync())
            {
                var body = reader.GetString(0);
                bodies++;
                Assert.Contains($"{AesGcmSecretProtector.Prefix}{keyId}:", body, StringComparison.Ordinal);
                Assert.DoesNotContain(TemporaryStore.ClientSecret, body, StringComparison.Ordinal);
                if (oldKeyId is not null)
                {
                    Assert.DoesNotContain($"{AesGcmSecretProtector.Prefix}{oldKeyId}:", body, StringComparison.Ordinal);
                }
            }

            Assert.Equal(clusters.Length, bodies);
        }

        var onlyTheKey = new RotationKeyRing();
        onlyTheKey.Load([.. (await new KeyVaultSealingKeys(Vault.Secrets).ReadKeysAsync(CancellationToken.None)).Where(key => key.Id == keyId)], keyId);
        await using var store = OperatorStore.Open(Store.Settings, onlyTheKey);
        foreach (var id in clusters)
        {
            var status = await store.GetClusterAsync(id, CancellationToken.None);
            Assert.Equal(TemporaryStore.ClientSecret, status.Cluster.Properties.ServicePrincipalProfile!.ClientSecret);
            Assert.Equal(TemporaryStore.KubeadminPassword, status.Cluster.Properties.Credentials!.KubeadminPassword);
        }
    }

    /// <summary>The key the RP's Key Vault registration seals with after one read of the vault (its certificates imported first).</summary>
    private async Task<string> KeyTheRpSealsWithAsync(IConfiguration settings)
    {
        using var certificates = new Security.TestCertificates();
        await Vault.ImportServingCertificateAsync();
        await Vault.ImportAdminCaAsync(certificates.AdminCa);
        await using var rp = new ServiceCollection().AddLogging().AddAroKeyVault(settings).BuildServiceProvider();
        Assert.True(await rp.GetRequiredService<KeyVaultMaterialRefresher>().RefreshAsync(CancellationToken.None));
        return rp.GetRequiredService<ISecretKeyRing>().CurrentKey.Id;
    }
}
