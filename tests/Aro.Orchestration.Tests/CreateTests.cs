using Aro.Contracts;
using MassTransit;

namespace Aro.Orchestration.Tests;

public sealed class CreateTests
{
    [Fact]
    public async Task A_create_runs_every_step_and_ends_Running()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();

        await lifecycle.CreateRunningAsync("op-create");

        var instance = lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!;
        Assert.Equal(("IssuingCredentials", 85), (instance.Step, instance.PercentComplete));
        // Published is not yet delivered: the terminal event reaches the fake cloud's consumer a moment after.
        var succeeded = Assert.Single(await lifecycle.DeliveredWhenQuietAsync<ClusterProvisioningSucceeded>());
        Assert.Single(lifecycle.Cloud.Delivered<ValidateNetwork>());
        Assert.Single(lifecycle.Cloud.Delivered<ConfigureDns>());
        Assert.Single(lifecycle.Cloud.Delivered<GenerateIgnition>());
        Assert.Single(lifecycle.Cloud.Delivered<ProvisionVirtualMachines>());
        Assert.Single(lifecycle.Cloud.Delivered<IssueCredentials>());
        Assert.Equal(new ClusterProvisioningSucceeded(lifecycle.ClusterId, lifecycle.ResourceId, "op-create"), succeeded.Message);
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());
    }

    [Fact]
    public async Task Each_step_records_the_operations_progress_on_the_instance()
    {
        var steps = new (Action<FakeCloud> HoldHere, Func<ClusterLifecycleStateMachine, State> Step, int PercentComplete)[]
        {
            (cloud => cloud.Answer<ValidateNetwork>(StepAnswer.Silent), machine => machine.ValidatingNetwork, 10),
            (cloud => cloud.Answer<ConfigureDns>(StepAnswer.Silent), machine => machine.ConfiguringDnsAndIgnition, 25),
            (cloud => cloud.Answer<ProvisionVirtualMachines>(StepAnswer.Silent), machine => machine.ProvisioningVirtualMachines, 50),
            (cloud => cloud.Answer<IssueCredentials>(StepAnswer.Silent), machine => machine.IssuingCredentials, 85),
        };
        foreach (var (holdHere, step, percentComplete) in steps)
        {
            await using var lifecycle = await LifecycleHarness.StartAsync();
            holdHere(lifecycle.Cloud);

            await lifecycle.CreateAsync("op-create");

            await lifecycle.AssertStateAsync(step(lifecycle.Machine));
            // The state changes just before the same transition records its step (TransitionTo, then PublishStepAsync),
            // and the in-memory repository shows each change as it happens: wait for the step as well.
            var stepName = step(lifecycle.Machine).Name;
            Assert.NotEmpty(await lifecycle.Saga.Match(saga => saga.CorrelationId == lifecycle.ClusterId && saga.Step == stepName));
            var instance = lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!;
            Assert.Equal((step(lifecycle.Machine).Name, percentComplete, "op-create"), (instance.Step, instance.PercentComplete, instance.OperationId));
        }
    }

    [Fact]
    public async Task Progress_is_recorded_not_published()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();

        await lifecycle.CreateRunningAsync("op-create");

        // Requests, commands, outcomes and the terminal event: nothing per step for a projection to write.
        var published = lifecycle.Harness.Published.Select(m => m.MessageObject is ClusterCreateRequested or IClusterOperationMessage)
            .Select(m => m.MessageObject.GetType().Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [nameof(ClusterCreateRequested), nameof(ClusterProvisioningSucceeded), nameof(ConfigureDns), nameof(CredentialsIssued), nameof(DnsConfigured),
             nameof(GenerateIgnition), nameof(IgnitionGenerated), nameof(IssueCredentials), nameof(NetworkValidated), nameof(ProvisionVirtualMachines),
             nameof(ValidateNetwork), nameof(VirtualMachinesProvisioned)],
            published);
    }

    [Fact]
    public async Task Every_command_carries_the_cluster_and_the_operation()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();

        await lifecycle.CreateRunningAsync("op-create");

        var (id, resource) = (lifecycle.ClusterId, lifecycle.ResourceId);
        Assert.Equal(new ValidateNetwork(id, resource, "op-create"), Assert.Single(lifecycle.Cloud.Delivered<ValidateNetwork>()).Message);
        Assert.Equal(new ConfigureDns(id, resource, "op-create"), Assert.Single(lifecycle.Cloud.Delivered<ConfigureDns>()).Message);
        Assert.Equal(new GenerateIgnition(id, resource, "op-create"), Assert.Single(lifecycle.Cloud.Delivered<GenerateIgnition>()).Message);
        Assert.Equal(new ProvisionVirtualMachines(id, resource, "op-create"), Assert.Single(lifecycle.Cloud.Delivered<ProvisionVirtualMachines>()).Message);
        Assert.Equal(new IssueCredentials(id, resource, "op-create"), Assert.Single(lifecycle.Cloud.Delivered<IssueCredentials>()).Message);
    }
}
