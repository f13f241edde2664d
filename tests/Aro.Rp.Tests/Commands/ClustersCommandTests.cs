using Aro.Api;
using Aro.Api.Model;
using Aro.Rp.Commands;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Tests.Commands;

/// <summary><c>aro-rp clusters list|show|watch</c> against a temporary SQLite store, run in-process.</summary>
public sealed class ClustersCommandTests : IAsyncLifetime
{
    private TemporaryStore _store = null!;

    public async Task InitializeAsync() => _store = await TemporaryStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task List_shows_each_cluster_with_its_group_subscription_state_step_and_last_change()
    {
        await _store.AddClusterAsync("rg-ready", "ready", ProvisioningState.Succeeded);
        await _store.AddClusterAsync("rg-busy", "busy", ProvisioningState.Creating, step: "ProvisioningVirtualMachines");
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ListAsync(_store.Settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        var lines = console.Output.Split('\n');
        Assert.Contains(lines, line => line.Contains("NAME") && line.Contains("RESOURCE GROUP") && line.Contains("SUBSCRIPTION") && line.Contains("LAST CHANGE"));
        var busy = Assert.Single(lines, line => line.Contains("busy"));
        Assert.Contains("rg-busy", busy);
        Assert.Contains(TemporaryStore.SubscriptionId, busy);
        Assert.Contains("Creating", busy);
        Assert.Contains("Create / ProvisioningVirtualMachines (50%)", busy);
        Assert.Contains("2026-03-04 05:09:07Z", busy);
        Assert.Contains("Succeeded", Assert.Single(lines, line => line.Contains("ready") && line.Contains("rg-ready")));
        Assert.Equal("", console.Error.ToString());
    }

    [Fact]
    public async Task List_of_an_empty_store_says_so()
    {
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ListAsync(_store.Settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("No clusters in SQLite ", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_has_the_document_without_secrets_the_saga_the_steps_and_the_last_error()
    {
        var error = new CloudErrorBody("InvalidLinkedVNet", "The subnet is in use.", "properties.masterProfile.subnetId");
        var id = await _store.AddClusterAsync("rg-failed", "failed", ProvisioningState.Failed, step: "ProvisioningVirtualMachines", attempt: 3, error: error);
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ShowAsync(_store.Settings, id.ToUpperInvariant(), console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        var output = console.Output;
        Assert.Contains("Lifecycle saga", output);
        Assert.Contains("Failed", output);
        Assert.Contains("InvalidLinkedVNet: The subnet is in use.", output);
        Assert.Contains("target: properties.masterProfile.subnetId", output);
        Assert.Contains("2026-03-04 05:06:07Z", output);
        Assert.Matches(@"ValidatingNetwork\s+\S?\s*done", output);
        Assert.Matches(@"ConfiguringDnsAndIgnition\s+\S?\s*done", output);
        Assert.Matches(@"ProvisioningVirtualMachines\s+\S?\s*FAILED\s+\S?\s*3", output);
        Assert.Matches(@"IssuingCredentials\s+\S?\s*pending", output);
        Assert.Contains("00000000-0000-0000-0000-00000000c1d0", output);
        Assert.DoesNotContain(TemporaryStore.ClientSecret, output);
        Assert.DoesNotContain(TemporaryStore.KubeadminPassword, output);
        Assert.DoesNotContain("kind: Config", output);
    }

    [Fact]
    public async Task Show_of_an_unknown_cluster_is_one_line_and_exit_code_1()
    {
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ShowAsync(_store.Settings, TemporaryStore.ClusterId("rg", "nowhere"), console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aro-rp: There is no cluster /subscriptions/", line, StringComparison.Ordinal);
        Assert.Equal("", console.Output);
    }

    [Fact]
    public async Task Show_of_something_that_is_not_a_cluster_id_says_what_one_looks_like()
    {
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ShowAsync(_store.Settings, "my-cluster", console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not a cluster resource id", console.Error.ToString());
    }

    [Fact]
    public async Task Without_a_store_every_verb_is_one_line_naming_ARO_DATA_DIR_and_exit_code_1()
    {
        var empty = Directory.CreateTempSubdirectory("aro-no-store-").FullName;
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rp:DataDirectory"] = empty }).Build();
        try
        {
            foreach (var run in new Func<TestConsole, Task<int>>[]
            {
                console => ClustersCommand.ListAsync(settings, console.Console, console.Error, CancellationToken.None),
                console => ClustersCommand.ShowAsync(settings, TemporaryStore.ClusterId("rg", "c"), console.Console, console.Error, CancellationToken.None),
                console => ClustersCommand.WatchAsync(settings, TemporaryStore.ClusterId("rg", "c"), TimeSpan.FromMilliseconds(10), console.Console, console.Error, CancellationToken.None),
            })
            {
                var console = new TestConsole();
                Assert.Equal(1, await run(console));
                var line = Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains("set ARO_DATA_DIR", line);
                Assert.False(File.Exists(Path.Combine(empty, "aro.db")), "a read-only command created a store");
            }
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task A_cosmos_store_without_an_endpoint_names_the_variable()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Persistence:Store"] = "cosmos", ["Rp:DataDirectory"] = _store.DataDirectory }).Build();
        var console = new TestConsole();

        var exitCode = await ClustersCommand.ListAsync(settings, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("ARO_COSMOS_ENDPOINT", Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Watch_follows_the_steps_to_success_and_exits_0()
    {
        var id = await _store.AddClusterAsync("rg-watch", "watched", ProvisioningState.Creating, step: "ValidatingNetwork");
        var console = new TestConsole();

        var watching = ClustersCommand.WatchAsync(_store.Settings, id, TimeSpan.FromMilliseconds(20), console.Console, console.Error, CancellationToken.None);
        await WaitForAsync(console, "ValidatingNetwork");
        await _store.AdvanceAsync(id, ProvisioningState.Creating, "ProvisioningVirtualMachines");
        await WaitForAsync(console, "ProvisioningVirtualMachines");
        await _store.AdvanceAsync(id, ProvisioningState.Succeeded, null);
        var exitCode = await watching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Creating  ValidatingNetwork (running, attempt 1, 50%)", lines[0]);
        Assert.Contains(lines, line => line.Contains("Creating  ProvisioningVirtualMachines (running, attempt 1"));
        Assert.Equal("watched: Succeeded.", lines[^1]);
    }

    [Fact]
    public async Task Watch_exits_1_with_the_error_when_the_operation_fails()
    {
        var id = await _store.AddClusterAsync("rg-watch", "doomed", ProvisioningState.Creating, step: "IssuingCredentials");
        var console = new TestConsole();

        var watching = ClustersCommand.WatchAsync(_store.Settings, id, TimeSpan.FromMilliseconds(20), console.Console, console.Error, CancellationToken.None);
        await WaitForAsync(console, "IssuingCredentials");
        await _store.AdvanceAsync(id, ProvisioningState.Failed, null, new CloudErrorBody("CredentialsIssuanceFailed", "The API server refused."));
        var exitCode = await watching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains("IssuingCredentials (FAILED", console.Output);
        Assert.EndsWith("doomed: Failed: CredentialsIssuanceFailed: The API server refused.", console.Output.TrimEnd());
    }

    [Fact]
    public async Task Watch_of_a_settled_cluster_answers_at_once()
    {
        var id = await _store.AddClusterAsync("rg-watch", "done", ProvisioningState.Succeeded);
        var console = new TestConsole();

        var exitCode = await ClustersCommand.WatchAsync(_store.Settings, id, TimeSpan.FromHours(1), console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("done: Succeeded.", console.Output.TrimEnd());
    }

    private static async Task WaitForAsync(TestConsole console, string text)
    {
        for (var attempt = 0; attempt < 500 && !console.Output.Contains(text, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(text, console.Output);
    }
}
