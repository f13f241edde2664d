using Aro.Cloud.Compute;
using Aro.Cloud.Kubernetes;
using Aro.Cloud.Resources;
using k8s;

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

    [Fact]
    public async Task The_machine_set_names_its_user_data_secret_and_its_workers_wait_for_it()
    {
        var vnet = await cloud.CreateVirtualNetworkAsync("ms-ud-vnet-rg", "vnet", "10.4.0.0/16", ("worker", "10.4.2.0/23", null));
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/Cluster-MS-UD";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        var target = new KubernetesClusterTarget("Cluster-MS-UD");
        var spec = new MachineSetSpec("c-worker-eastus", "c", 2, "Cluster-MS-UD", "eastus", "Standard_D4s_v3", vnet + "/subnets/worker", UserDataSecret: UserDataSecrets.WorkerSecretName);

        await cloud.Get<IMachineSets>().EnsureAsync(target, spec, CancellationToken.None);
        using var k8s = cloud.CreateKubernetesClient("cluster-ms-ud");
        var machineSet = (System.Text.Json.JsonElement)await k8s.CustomObjects.GetNamespacedCustomObjectAsync(
            "machine.openshift.io", "v1beta1", "openshift-machine-api", "machinesets", "c-worker-eastus");
        var providerSpec = machineSet.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("providerSpec").GetProperty("value");

        Assert.Equal(UserDataSecrets.WorkerSecretName, providerSpec.GetProperty("userDataSecret").GetProperty("name").GetString());
        Assert.Empty(await cloud.Get<IVirtualMachines>().ListAsync(group, CancellationToken.None));

        await cloud.Get<IUserDataSecrets>().EnsureAsync(target, UserDataSecrets.WorkerSecretName, "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal([new MachineSet("c-worker-eastus", "worker", 2, 2)], await cloud.Get<IMachineSets>().WaitUntilReadyAsync(target, _ => true, CancellationToken.None));
    }
}
