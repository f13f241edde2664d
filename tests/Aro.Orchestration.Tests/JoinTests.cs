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
        Assert.Equal((dnsFirst, !dnsFirst), (instance.DnsConfigured, instance.IgnitionGenerated));

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
}
