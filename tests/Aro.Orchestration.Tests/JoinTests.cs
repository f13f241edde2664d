using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class JoinTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dns_and_ignition_run_in_parallel_and_join_in_either_order(bool dnsFirst)
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Silent);
        lifecycle.Cloud.Answer<GenerateIgnition>(StepAnswer.Silent);
        await lifecycle.CreateAsync("op");

        // Both commands of the fork go out before either has answered.
        await lifecycle.Cloud.WaitForAsync<ConfigureDns>(1);
        await lifecycle.Cloud.WaitForAsync<GenerateIgnition>(1);
        await lifecycle.AssertStateAsync(lifecycle.Machine.ConfiguringDnsAndIgnition);

        if (dnsFirst)
        {
            await lifecycle.Harness.Bus.Publish(new DnsConfigured(lifecycle.ClusterId, lifecycle.ResourceId, "op"));
            await lifecycle.ConsumedAsync<DnsConfigured>(m => m.OperationId == "op");
        }
        else
        {
            await lifecycle.Harness.Bus.Publish(new IgnitionGenerated(lifecycle.ClusterId, lifecycle.ResourceId, "op"));
            await lifecycle.ConsumedAsync<IgnitionGenerated>(m => m.OperationId == "op");
        }

        // Half of the join: recorded, and the instance waits for the other half.
        await lifecycle.AssertStateAsync(lifecycle.Machine.ConfiguringDnsAndIgnition);
        var instance = lifecycle.Saga.Sagas.Contains(lifecycle.ClusterId)!;
        Assert.Equal((dnsFirst, !dnsFirst), (instance.DnsFinished, instance.IgnitionFinished));

        if (dnsFirst)
        {
            await lifecycle.Harness.Bus.Publish(new IgnitionGenerated(lifecycle.ClusterId, lifecycle.ResourceId, "op"));
        }
        else
        {
            await lifecycle.Harness.Bus.Publish(new DnsConfigured(lifecycle.ClusterId, lifecycle.ResourceId, "op"));
        }

        await lifecycle.Cloud.WaitForAsync<ClusterProvisioningSucceeded>(1);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Running);
        Assert.Single(await lifecycle.DeliveredWhenQuietAsync<ProvisionVirtualMachines>());
        Assert.Single(lifecycle.Cloud.Delivered<ConfigureDns>());
        Assert.Single(lifecycle.Cloud.Delivered<GenerateIgnition>());
    }

    [Fact]
    public async Task A_failed_branch_fails_the_create_only_once_the_other_branch_has_answered()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Fail);
        lifecycle.Cloud.Answer<GenerateIgnition>(StepAnswer.Silent);
        await lifecycle.CreateAsync("op");
        await lifecycle.ConsumedAsync<DnsConfigurationFailed>(m => m.OperationId == "op");

        // Ignition may still be creating resources: a Failed cluster could be deleted under it.
        await lifecycle.AssertStateAsync(lifecycle.Machine.ConfiguringDnsAndIgnition);
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());

        await lifecycle.Harness.Bus.Publish(new IgnitionGenerated(lifecycle.ClusterId, lifecycle.ResourceId, "op"));

        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal(FakeCloud.RejectionOf(typeof(ConfigureDns)).Code, failed.Code);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);
        Assert.Empty(await lifecycle.DeliveredWhenQuietAsync<ProvisionVirtualMachines>());
    }

    [Fact]
    public async Task When_both_branches_fail_the_first_error_is_the_operations_error()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Fail);
        lifecycle.Cloud.Answer<GenerateIgnition>(StepAnswer.Silent);
        await lifecycle.CreateAsync("op");
        await lifecycle.ConsumedAsync<DnsConfigurationFailed>(m => m.OperationId == "op");

        await lifecycle.Harness.Bus.Publish(new IgnitionGenerationFailed(lifecycle.ClusterId, lifecycle.ResourceId, "op", "InvalidParameter", "later", null));

        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal(FakeCloud.RejectionOf(typeof(ConfigureDns)).Code, failed.Code);
        Assert.Single(await lifecycle.DeliveredWhenQuietAsync<ClusterProvisioningFailed>());
    }
}
