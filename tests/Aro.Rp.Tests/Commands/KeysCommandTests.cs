using Aro.Api.Model;
using Aro.Persistence.Secrets;
using Aro.Rp.Commands;
using Aro.Rp.Operators;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Commands;

/// <summary>
/// <c>aro-rp keys rotate</c> against a temporary SQLite store: after it, the old keys can be removed and every secret
/// still opens, which only holds if every document was re-sealed with the new key.
/// </summary>
public sealed class KeysCommandTests : IAsyncLifetime
{
    private TemporaryStore _store = null!;

    public async Task InitializeAsync() => _store = await TemporaryStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private string KeyDirectory => ((FileSecretKeyRing)_store.Services.GetRequiredService<ISecretKeyRing>()).DirectoryPath;

    [Fact]
    public async Task Rotate_adds_a_key_and_reseals_every_cluster_so_the_old_key_can_be_removed()
    {
        string[] clusters = [await _store.AddClusterAsync("rg-a", "a", ProvisioningState.Succeeded), await _store.AddClusterAsync("rg-b", "b", ProvisioningState.Creating, step: "ValidatingNetwork")];
        var oldKeys = Directory.GetFiles(KeyDirectory, "*.key");
        var console = new TestConsole();

        var exitCode = await KeysCommand.RotateAsync(_store.Settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal("", console.Error.ToString());
        Assert.Contains("Re-sealed 2 cluster(s)", console.Output, StringComparison.Ordinal);
        Assert.Equal(oldKeys.Length + 1, Directory.GetFiles(KeyDirectory, "*.key").Length);
        await AssertEverySecretOpensWithoutAsync(oldKeys, clusters);
    }

    [Fact]
    public async Task Rotate_after_an_interrupted_rotation_finishes_it_with_the_same_key()
    {
        string[] clusters = [await _store.AddClusterAsync("rg-a", "a", ProvisioningState.Succeeded), await _store.AddClusterAsync("rg-b", "b", ProvisioningState.Succeeded)];
        var oldKeys = Directory.GetFiles(KeyDirectory, "*.key");
        string interruptedKey;
        await using (var store = await OperatorStore.OpenAsync(_store.Settings, CancellationToken.None))
        {
            // A rotation that stopped after re-sealing one cluster of two.
            var rotation = new SealingKeyRotation(store, new FileSealingKeySource((FileSecretKeyRing)store.KeyRing));
            interruptedKey = (await rotation.BeginAsync(CancellationToken.None)).KeyId;
            var documents = await rotation.ListAsync(CancellationToken.None);
            Assert.True(await rotation.ResealAsync(documents[0], CancellationToken.None));
        }

        var console = new TestConsole();

        var exitCode = await KeysCommand.RotateAsync(_store.Settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Resuming the rotation to sealing key {interruptedKey}", console.Output, StringComparison.Ordinal);
        Assert.Equal(oldKeys.Length + 1, Directory.GetFiles(KeyDirectory, "*.key").Length);
        await AssertEverySecretOpensWithoutAsync(oldKeys, clusters);

        // Finished: the next run is a new rotation.
        var next = new TestConsole();
        Assert.Equal(0, await KeysCommand.RotateAsync(_store.Settings, next.Console, next.Error, CancellationToken.None));
        Assert.Contains("Added sealing key", next.Output, StringComparison.Ordinal);
    }

    private async Task AssertEverySecretOpensWithoutAsync(string[] oldKeys, string[] clusters)
    {
        foreach (var key in oldKeys)
        {
            File.Delete(key);
        }

        await using var store = await OperatorStore.OpenAsync(_store.Settings, CancellationToken.None);
        foreach (var id in clusters)
        {
            var status = await store.GetClusterAsync(id, CancellationToken.None);
            Assert.Equal(TemporaryStore.ClientSecret, status.Cluster.Properties.ServicePrincipalProfile!.ClientSecret);
            Assert.Equal(TemporaryStore.KubeadminPassword, status.Cluster.Properties.Credentials!.KubeadminPassword);
        }
    }
}
