using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class ScaleAndUpdateTests
{
    [Fact]
    public async Task A_scale_sends_the_requested_worker_count_and_returns_to_Running()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");

        await lifecycle.ScaleAsync("op-scale", 5);

        Assert.Equal(new ScaleWorkers(lifecycle.ClusterId, lifecycle.ResourceId, "op-scale", 5), await lifecycle.PublishedAsync<ScaleWorkers>(m => m.OperationId == "op-scale"));
        await lifecycle.PublishedAsync<ClusterUpdateSucceeded>(m => m.OperationId == "op-scale");
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
        var scaled = lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!;
        Assert.Equal(("Scaling", 50, "op-scale"), (scaled.Step, scaled.PercentComplete, scaled.OperationId));
        Assert.Equal(5, lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!.WorkerCount);
    }

    [Fact]
    public async Task A_scale_waits_in_Scaling_until_the_workers_are_ready()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Silent);

        await lifecycle.ScaleAsync("op-scale", 5);

        await lifecycle.AssertStateAsync(lifecycle.Machine.Scaling);
        await lifecycle.Harness.Bus.Publish(new WorkersScaled(lifecycle.ClusterId, lifecycle.ResourceId, "op-scale", 5));
        await lifecycle.PublishedAsync<ClusterUpdateSucceeded>(m => m.OperationId == "op-scale");
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
    }

    [Fact]
    public async Task An_update_reconciles_the_requested_worker_count_through_Updating()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Silent);

        await lifecycle.UpdateAsync("op-update", 4);

        await lifecycle.AssertStateAsync(lifecycle.Machine.Updating);
        Assert.Equal(new ScaleWorkers(lifecycle.ClusterId, lifecycle.ResourceId, "op-update", 4), await lifecycle.PublishedAsync<ScaleWorkers>(m => m.OperationId == "op-update"));
        var updating = lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!;
        Assert.Equal(("Updating", 50), (updating.Step, updating.PercentComplete));

        await lifecycle.Harness.Bus.Publish(new WorkersScaled(lifecycle.ClusterId, lifecycle.ResourceId, "op-update", 4));
        await lifecycle.PublishedAsync<ClusterUpdateSucceeded>(m => m.OperationId == "op-update");
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
    }

    [Fact]
    public async Task A_scale_after_a_failed_update_is_accepted()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Fail);
        await lifecycle.ScaleAsync("op-scale-1", 5);
        await lifecycle.PublishedAsync<ClusterUpdateFailed>(m => m.OperationId == "op-scale-1");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Succeed);

        await lifecycle.ScaleAsync("op-scale-2", 5);

        await lifecycle.PublishedAsync<ClusterUpdateSucceeded>(m => m.OperationId == "op-scale-2");
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
    }

    [Fact]
    public async Task A_scale_while_creating_is_a_stray_and_ignored()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ValidateNetwork>(StepAnswer.Silent);
        await lifecycle.CreateAsync("op-create");
        await lifecycle.AssertStateAsync(lifecycle.Machine.ValidatingNetwork);

        await lifecycle.ScaleAsync("op-scale", 5);
        await lifecycle.ConsumedAsync<ClusterScaleRequested>(m => m.OperationId == "op-scale");

        await lifecycle.AssertStateAsync(lifecycle.Machine.ValidatingNetwork);
        Assert.Empty(await lifecycle.DeliveredWhenQuietAsync<ScaleWorkers>());
    }
}
