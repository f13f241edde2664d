using Aro.Cloud.Compute;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;

namespace Aro.Cloud.Tests.Compute;

public sealed class VirtualMachinesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task Machines_are_created_once_listed_and_deleted()
    {
        var vnet = await cloud.CreateVirtualNetworkAsync("vm-vnet-rg", "vnet", "10.2.0.0/16", ("master", "10.2.0.0/24", null));
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/cluster-vm";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        var nic = await cloud.Get<INetworkInterfaces>().EnsureAsync(group, "c-master0-nic", "eastus", vnet + "/subnets/master", null, CancellationToken.None);
        var machines = cloud.Get<IVirtualMachines>();
        var spec = new VirtualMachineSpec(group, "c-master-0", "eastus", "Standard_D8s_v3", nic, CustomData: """{"ignition":{"version":"3.2.0"}}""");

        var created = await machines.EnsureAsync(spec, CancellationToken.None);
        var again = await machines.EnsureAsync(spec, CancellationToken.None);

        Assert.Equal(created, again);
        Assert.Equal("Standard_D8s_v3", created.VmSize);
        Assert.Equal(["c-master-0"], (await machines.ListAsync(group, CancellationToken.None)).Select(m => m.Name));

        await machines.DeleteAsync(group, "c-master-0", CancellationToken.None);
        await machines.DeleteAsync(group, "c-master-0", CancellationToken.None);
        Assert.Empty(await machines.ListAsync(group, CancellationToken.None));
        Assert.Empty(await machines.ListAsync($"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/nowhere", CancellationToken.None));
    }
}
