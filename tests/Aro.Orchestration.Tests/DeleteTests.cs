using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class DeleteTests
{
    [Fact]
    public async Task Deleting_a_running_cluster_tears_it_down_and_removes_the_instance()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<TearDownCluster>(StepAnswer.Silent);

        await lifecycle.DeleteAsync("op-delete");

        await lifecycle.AssertStateAsync(lifecycle.Machine.Deleting);
        var deleting = lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!;
        Assert.Equal(("Deleting", 50), (deleting.Step, deleting.PercentComplete));
        await lifecycle.Harness.Bus.Publish(new ClusterTornDown(lifecycle.ClusterId, lifecycle.ResourceId, "op-delete"));
        Assert.Equal(new ClusterDeleted(lifecycle.ClusterId, lifecycle.ResourceId, "op-delete"), await lifecycle.PublishedAsync<ClusterDeleted>(m => m.OperationId == "op-delete"));
        Assert.False((await lifecycle.Saga.NotExists(lifecycle.ClusterId)).HasValue);
    }

    [Fact]
    public async Task A_delete_after_a_failed_create_converges_and_removes_the_instance()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Throw);
        await lifecycle.CreateAsync("op-create");
        await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op-create");
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);

        await lifecycle.DeleteAsync("op-delete");

        await lifecycle.PublishedAsync<TearDownCluster>(m => m.OperationId == "op-delete");
        await lifecycle.PublishedAsync<ClusterDeleted>(m => m.OperationId == "op-delete");
        Assert.False((await lifecycle.Saga.NotExists(lifecycle.ClusterId)).HasValue);
    }

    [Fact]
    public async Task A_delete_during_a_create_supersedes_it_and_late_create_outcomes_are_ignored()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ValidateNetwork>(StepAnswer.Silent);
        lifecycle.Cloud.Answer<TearDownCluster>(StepAnswer.Silent);
        await lifecycle.CreateAsync("op-create");
        await lifecycle.AssertStateAsync(lifecycle.Machine.ValidatingNetwork);

        await lifecycle.DeleteAsync("op-delete");
        await lifecycle.AssertStateAsync(lifecycle.Machine.Deleting);
        await lifecycle.Harness.Bus.Publish(new NetworkValidated(lifecycle.ClusterId, lifecycle.ResourceId, "op-create"));
        await lifecycle.ConsumedAsync<NetworkValidated>(m => m.OperationId == "op-create");

        await lifecycle.AssertStateAsync(lifecycle.Machine.Deleting);

        await lifecycle.Harness.Bus.Publish(new ClusterTornDown(lifecycle.ClusterId, lifecycle.ResourceId, "op-delete"));
        await lifecycle.PublishedAsync<ClusterDeleted>(m => m.OperationId == "op-delete");
        Assert.False((await lifecycle.Saga.NotExists(lifecycle.ClusterId)).HasValue);
        Assert.Empty(await lifecycle.DeliveredWhenQuietAsync<ConfigureDns>());
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());
    }

    [Fact]
    public async Task Deleting_a_cluster_the_saga_never_saw_tears_down_and_reports_it_deleted()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();

        await lifecycle.DeleteAsync("op-delete");

        await lifecycle.PublishedAsync<TearDownCluster>(m => m.OperationId == "op-delete");
        await lifecycle.PublishedAsync<ClusterDeleted>(m => m.OperationId == "op-delete");
        Assert.False((await lifecycle.Saga.NotExists(lifecycle.ClusterId)).HasValue);
    }

    [Fact]
    public async Task A_late_teardown_outcome_after_removal_is_discarded()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.DeleteAsync("op-delete");
        await lifecycle.PublishedAsync<ClusterDeleted>(m => m.OperationId == "op-delete");
        Assert.False((await lifecycle.Saga.NotExists(lifecycle.ClusterId)).HasValue);

        await lifecycle.Harness.Bus.Publish(new ClusterTornDown(lifecycle.ClusterId, lifecycle.ResourceId, "op-delete"));

        Assert.Empty(await lifecycle.PublishedWhenQuietAsync<MassTransit.Fault<ClusterTornDown>>());
        Assert.Single(lifecycle.Cloud.Delivered<ClusterDeleted>());
        Assert.Single(lifecycle.Cloud.Delivered<TearDownCluster>());
    }
}
