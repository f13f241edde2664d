using Aro.Cloud.Compute;
using Aro.Cloud.Kubernetes;
using Aro.Cloud.Resources;

namespace Aro.Cloud.Tests.Kubernetes;

public sealed class MachineSetsTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task A_machine_set_is_created_once_scaled_and_its_workers_appear_as_vms()
    {
        var vnet = await cloud.CreateVirtualNetworkAsync("ms-vnet-rg", "vnet", "10.3.0.0/16", ("worker", "10.3.2.0/23", null));
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/Cluster-MS";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        var machineSets = cloud.Get<IMachineSets>();
        var target = new KubernetesClusterTarget("Cluster-MS");
        var spec = new MachineSetSpec("c-worker-eastus", "c", 3, "Cluster-MS", "eastus", "Standard_D4s_v3", vnet + "/subnets/worker");

        await machineSets.EnsureAsync(target, spec, CancellationToken.None);
        await machineSets.EnsureAsync(target, spec with { Replicas = 7 }, CancellationToken.None);
        var ready = await machineSets.WaitUntilReadyAsync(target, _ => true, CancellationToken.None);

        Assert.Equal([new MachineSet("c-worker-eastus", "worker", 3, 3)], ready);
        Assert.Equal(3, (await cloud.Get<IVirtualMachines>().ListAsync(group, CancellationToken.None)).Count);

        await machineSets.ScaleAsync(target, "c-worker-eastus", 5, CancellationToken.None);
        await machineSets.WaitUntilReadyAsync(target, _ => true, CancellationToken.None);

        Assert.Equal(5, (await machineSets.ListAsync(target, CancellationToken.None)).Single().ReadyReplicas);
        var vms = await cloud.Get<IVirtualMachines>().ListAsync(group, CancellationToken.None);
        Assert.Equal(5, vms.Count);
        Assert.All(vms, vm => Assert.Equal("Standard_D4s_v3", vm.VmSize));
    }
}
