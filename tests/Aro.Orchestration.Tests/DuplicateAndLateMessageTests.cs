using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class DuplicateAndLateMessageTests
{
    [Fact]
    public async Task The_same_request_twice_re_emits_the_current_step_under_the_same_message_id_instead_of_restarting()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ValidateNetwork>(StepAnswer.Silent);

        await lifecycle.CreateAsync("op");
        await lifecycle.Cloud.WaitForAsync<ValidateNetwork>(1);
        await lifecycle.CreateAsync("op");

        var commands = await lifecycle.Cloud.WaitForAsync<ValidateNetwork>(2);
        Assert.Single(commands.Select(c => c.MessageId).Distinct());
        await lifecycle.AssertStateAsync(lifecycle.Machine.ValidatingNetwork);
        Assert.Equal(1, lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!.Attempt);

        await lifecycle.Harness.Bus.Publish(new NetworkValidated(lifecycle.ClusterId, lifecycle.ResourceId, "op"));
        await lifecycle.PublishedAsync<ClusterProvisioningSucceeded>(m => m.OperationId == "op");
        Assert.Single(await lifecycle.DeliveredWhenQuietAsync<ClusterProvisioningSucceeded>());
    }

    [Fact]
    public async Task The_same_outcome_twice_changes_nothing_and_re_emits_the_next_step_under_the_same_message_id()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Silent);
        lifecycle.Cloud.Answer<GenerateIgnition>(StepAnswer.Silent);
        await lifecycle.CreateAsync("op");
        await lifecycle.Cloud.WaitForAsync<ConfigureDns>(1);

        await lifecycle.Harness.Bus.Publish(new NetworkValidated(lifecycle.ClusterId, lifecycle.ResourceId, "op"));

        var dns = await lifecycle.Cloud.WaitForAsync<ConfigureDns>(2);
        Assert.Single(dns.Select(c => c.MessageId).Distinct());
        await lifecycle.AssertStateAsync(lifecycle.Machine.ConfiguringDnsAndIgnition);
        Assert.Empty(await lifecycle.DeliveredWhenQuietAsync<ProvisionVirtualMachines>());
    }

    [Fact]
    public async Task The_last_outcome_twice_re_publishes_the_same_success_and_stays_Running()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op");

        await lifecycle.Harness.Bus.Publish(new CredentialsIssued(lifecycle.ClusterId, lifecycle.ResourceId, "op"));

        var succeeded = await lifecycle.Cloud.WaitForAsync<ClusterProvisioningSucceeded>(2);
        Assert.Single(succeeded.Select(s => s.MessageId).Distinct());
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
        Assert.Single(await lifecycle.DeliveredWhenQuietAsync<IssueCredentials>());
    }

    [Fact]
    public async Task Outcomes_of_an_older_operation_are_ignored()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Silent);
        await lifecycle.ScaleAsync("op-scale", 6);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Scaling);

        await lifecycle.Harness.Bus.Publish(new WorkersScaled(lifecycle.ClusterId, lifecycle.ResourceId, "op-old", 3));
        await lifecycle.Harness.Bus.Publish(new WorkerScalingFailed(lifecycle.ClusterId, lifecycle.ResourceId, "op-old", "Old", "Old failure.", null));
        await lifecycle.Harness.Bus.Publish(new CredentialsIssued(lifecycle.ClusterId, lifecycle.ResourceId, "op-create"));
        await lifecycle.ConsumedAsync<WorkersScaled>(m => m.OperationId == "op-old");
        await lifecycle.ConsumedAsync<WorkerScalingFailed>(m => m.OperationId == "op-old");
        await lifecycle.ConsumedAsync<CredentialsIssued>(m => m.OperationId == "op-create", count: 2);

        await lifecycle.AssertStateAsync(lifecycle.Machine.Scaling);

        await lifecycle.Harness.Bus.Publish(new WorkersScaled(lifecycle.ClusterId, lifecycle.ResourceId, "op-scale", 6));
        await lifecycle.Cloud.WaitForAsync<ClusterUpdateSucceeded>(1);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
        Assert.Single(await lifecycle.DeliveredWhenQuietAsync<ClusterUpdateSucceeded>());
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterUpdateFailed>());
        Assert.Single(lifecycle.Cloud.Delivered<ClusterProvisioningSucceeded>());
    }

    [Fact]
    public async Task An_outcome_for_a_cluster_the_saga_does_not_know_is_discarded()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();

        await lifecycle.Harness.Bus.Publish(new NetworkValidated(lifecycle.ClusterId, lifecycle.ResourceId, "op"));

        Assert.Empty(await lifecycle.PublishedWhenQuietAsync<MassTransit.Fault<NetworkValidated>>());
        Assert.Null(lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId));
        Assert.Empty(lifecycle.Cloud.Delivered<ConfigureDns>());
    }
}
