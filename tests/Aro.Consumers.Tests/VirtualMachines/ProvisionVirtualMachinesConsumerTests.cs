using Aro.Api.Resources;
using Aro.Consumers.Tests.Network;
using Aro.Contracts;
using MassTransit.Testing;

namespace Aro.Consumers.Tests.VirtualMachines;

public sealed class ProvisionVirtualMachinesConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    private static readonly string InfraId = Aro.Api.Resources.InfraId.For(ValidCluster.ResourceId);

    [Fact]
    public async Task The_same_command_twice_creates_one_set_of_resources_and_no_bootstrap_remains()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New(workers: 3)));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();
        var command = new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1");

        var first = Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));
        var again = Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));

        Assert.Equal(first with { }, again with { });
        Assert.Equal("https://api.mycluster.aro.localhost:6443/", first.ApiServerUrl);
        Assert.Equal("https://console-openshift-console.apps.mycluster.aro.localhost/", first.ConsoleUrl);
        Assert.NotEqual(first.ApiServerIp, first.IngressIp);
        var group = ValidCluster.ClusterResourceGroupId;
        var masters = Enumerable.Range(0, 3).Select(i => $"{InfraId}-master-{i}");
        var workers = Enumerable.Range(0, 3).Select(i => $"{InfraId}-worker-{ValidCluster.Location}-{i}");
        Assert.Equal(masters.Concat(workers).Order(StringComparer.Ordinal), await LocalCloudHarness.VirtualMachinesAsync(provider));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"{InfraId}-master{i}-nic"), await cloud.ListAsync(group, "Microsoft.Network/networkInterfaces"));
        Assert.Equal([$"{InfraId}-default-v4", $"{InfraId}-pip-v4"], await cloud.ListAsync(group, "Microsoft.Network/publicIPAddresses"));
        Assert.Equal([$"{InfraId}-public-lb"], await cloud.ListAsync(group, "Microsoft.Network/loadBalancers"));
    }

    [Fact]
    public async Task A_missing_cluster_fails_the_step()
    {
        await using var provider = cloud.Start(new InMemoryClusters());
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Equal("ResourceNotFound", Assert.IsType<VirtualMachinesProvisioningFailed>(outcome).Code);
    }
}
