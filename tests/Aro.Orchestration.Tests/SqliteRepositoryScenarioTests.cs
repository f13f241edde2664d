using Aro.Contracts;
using Aro.Persistence.Sagas;
using Aro.Persistence.Sqlite;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Orchestration.Tests;

/// <summary>The core lifecycle once more, with the saga persisted in SQLite instead of memory.</summary>
public sealed class SqliteRepositoryScenarioTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "aro-orchestration-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Create_scale_and_delete_run_through_the_sqlite_saga_repository()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(
            repository: saga => saga.SqliteRepository(_ => new SqliteDatabase(_dataDirectory)));
        var repository = lifecycle.Services.GetRequiredService<SqliteSagaRepository<ClusterLifecycleState>>();

        // DNS and Ignition answer at once, so their outcomes race for the same row; the loser retries.
        await lifecycle.CreateAsync("op-create");
        await lifecycle.Cloud.WaitForAsync<ClusterProvisioningSucceeded>(1);
        var running = await repository.LoadAsync(lifecycle.ClusterId, CancellationToken.None);
        Assert.NotNull(running);
        Assert.Equal((nameof(ClusterLifecycleStateMachine.Running), "op-create"), (running.CurrentState, running.OperationId));
        Assert.True(running.DnsFinished && running.IgnitionFinished);
        Assert.True(running.Version > 1);

        await lifecycle.ScaleAsync("op-scale", 5);
        await lifecycle.Cloud.WaitForAsync<ClusterUpdateSucceeded>(1);
        var scaled = await repository.LoadAsync(lifecycle.ClusterId, CancellationToken.None);
        Assert.Equal((nameof(ClusterLifecycleStateMachine.Running), 5), (scaled!.CurrentState, scaled.WorkerCount));

        await lifecycle.DeleteAsync("op-delete");
        await lifecycle.Cloud.WaitForAsync<ClusterDeleted>(1);
        Assert.Null(await repository.LoadAsync(lifecycle.ClusterId, CancellationToken.None));

        Assert.Single(await lifecycle.DeliveredWhenQuietAsync<ProvisionVirtualMachines>());
        Assert.Single(lifecycle.Cloud.Delivered<ClusterProvisioningSucceeded>());
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());
    }

    [Fact]
    public async Task A_failed_create_then_delete_converges_with_the_sqlite_saga_repository()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(
            repository: saga => saga.SqliteRepository(_ => new SqliteDatabase(_dataDirectory)));
        var repository = lifecycle.Services.GetRequiredService<SqliteSagaRepository<ClusterLifecycleState>>();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Throw);

        await lifecycle.CreateAsync("op-create");
        var failed = (ClusterProvisioningFailed)(await lifecycle.Cloud.WaitForAsync<ClusterProvisioningFailed>(1))[0].Message;
        Assert.Equal("DnsConfigurationFailed", failed.Code);
        var stored = await repository.LoadAsync(lifecycle.ClusterId, CancellationToken.None);
        Assert.Equal((nameof(ClusterLifecycleStateMachine.Failed), "DnsConfigurationFailed"), (stored!.CurrentState, stored.ErrorCode));

        await lifecycle.DeleteAsync("op-delete");
        await lifecycle.Cloud.WaitForAsync<ClusterDeleted>(1);
        Assert.Null(await repository.LoadAsync(lifecycle.ClusterId, CancellationToken.None));
    }

    [Fact]
    public async Task After_a_restart_the_repeated_request_re_arms_the_lost_step_timeout()
    {
        var sqlite = (Action<ISagaRegistrationConfigurator<ClusterLifecycleState>>)(saga => saga.SqliteRepository(_ => new SqliteDatabase(_dataDirectory)));
        var first = await LifecycleHarness.StartAsync(options => options.StepTimeout = TimeSpan.FromHours(1), sqlite);
        first.Cloud.Answer<ProvisionVirtualMachines>(StepAnswer.Silent);
        await first.CreateAsync("op");
        await first.Cloud.WaitForAsync<ProvisionVirtualMachines>(1);
        await first.DisposeAsync();

        await using var second = await LifecycleHarness.StartAsync(
            options =>
            {
                options.StepTimeout = TimeSpan.FromMilliseconds(200);
                options.MaxStepAttempts = 2;
            },
            sqlite,
            restartOf: first);
        second.Cloud.Answer<ProvisionVirtualMachines>(StepAnswer.Silent);
        // What the reconciler publishes for an unsettled operation after the restart.
        await second.CreateAsync("op");

        var failed = await second.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal("VirtualMachineProvisioningTimeout", failed.Code);
        Assert.Equal(2, (await second.DeliveredWhenQuietAsync<ProvisionVirtualMachines>()).Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
