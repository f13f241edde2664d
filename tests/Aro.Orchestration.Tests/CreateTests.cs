using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class CreateTests
{
    [Fact]
    public async Task A_create_runs_every_step_and_ends_Running()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();

        await lifecycle.CreateRunningAsync("op-create");

        var progress = (await lifecycle.DeliveredWhenQuietAsync<ClusterProvisioningProgressed>()).Select(d => (ClusterProvisioningProgressed)d.Message).ToList();
        Assert.Equal(
            [("ValidatingNetwork", 10), ("ConfiguringDnsAndIgnition", 25), ("ProvisioningVirtualMachines", 50), ("IssuingCredentials", 85)],
            progress.OrderBy(p => p.PercentComplete).Select(p => (p.Step, p.PercentComplete)));
        Assert.All(progress, p => Assert.Equal("op-create", p.OperationId));
        Assert.Single(lifecycle.Cloud.Delivered<ValidateNetwork>());
        Assert.Single(lifecycle.Cloud.Delivered<ConfigureDns>());
        Assert.Single(lifecycle.Cloud.Delivered<GenerateIgnition>());
        Assert.Single(lifecycle.Cloud.Delivered<ProvisionVirtualMachines>());
        Assert.Single(lifecycle.Cloud.Delivered<IssueCredentials>());
        var succeeded = Assert.Single(lifecycle.Cloud.Delivered<ClusterProvisioningSucceeded>());
        Assert.Equal(new ClusterProvisioningSucceeded(lifecycle.ClusterId, lifecycle.ResourceId, "op-create"), succeeded.Message);
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());
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
