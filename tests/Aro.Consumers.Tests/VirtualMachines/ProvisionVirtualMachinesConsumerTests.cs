using Aro.Cloud.Compute;
using Aro.Cloud.Resources;
using Aro.Consumers.Tests.Network;
using Aro.Consumers.VirtualMachines;
using Aro.Contracts;
using Azure.ResourceManager;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.VirtualMachines;

public sealed class ProvisionVirtualMachinesConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    private static readonly string InfraId = Aro.Api.Resources.InfraId.For(ValidCluster.ResourceId);

    [Fact]
    public async Task The_same_command_twice_creates_one_set_of_resources_and_no_bootstrap_remains()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(workers: 3));
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var ignition = provider.GetRequiredService<Aro.Consumers.Ignition.IIgnitionStore>();
        await ignition.StoreAsync(ValidCluster.ResourceId, ValidCluster.ClusterResourceGroupId, ValidCluster.Location, InfraId, "bootstrap", "{}"u8.ToArray(), CancellationToken.None);
        var bootstrapBlob = new Aro.Cloud.Storage.BlobLocation(ValidCluster.ClusterResourceGroupId, Aro.Cloud.Clusters.ClusterResourceNames.StorageAccountFor(ValidCluster.ClusterResourceGroupId), "ignition", "bootstrap.ign");
        var blobs = provider.GetRequiredService<Aro.Cloud.Storage.IBlobStorage>();
        Assert.NotNull(await blobs.DownloadAsync(bootstrapBlob, CancellationToken.None));

        // Only now: a harness whose bus stays idle for its inactivity timeout (1.2 s by default) counts the test as over
        // and answers every later wait at once, so the cloud set up above must not run between its start and the command.
        var harness = await provider.StartTestHarness();
        var command = new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1");

        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));
        var first = Endpoints(clusters);
        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));

        // The endpoints are written into the cluster, the same by the repeat.
        Assert.Equal(first, Endpoints(clusters));
        Assert.Equal("https://api.mycluster.aro.localhost:6443/", first.ApiServerUrl);
        Assert.Equal("https://console-openshift-console.apps.mycluster.aro.localhost/", first.ConsoleUrl);
        Assert.False(string.IsNullOrEmpty(first.ApiServerIp));
        Assert.NotEqual(first.ApiServerIp, first.IngressIp);
        var group = ValidCluster.ClusterResourceGroupId;
        var masters = Enumerable.Range(0, 3).Select(i => $"{InfraId}-master-{i}");
        var workers = Enumerable.Range(0, 3).Select(i => $"{InfraId}-worker-{ValidCluster.Location}-{i}");
        Assert.Equal(masters.Concat(workers).Order(StringComparer.Ordinal), await LocalCloudHarness.VirtualMachinesAsync(provider));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"{InfraId}-master{i}-nic"), await cloud.ListAsync(group, "Microsoft.Network/networkInterfaces"));
        Assert.Equal([$"{InfraId}-default-v4", $"{InfraId}-pip-v4"], await cloud.ListAsync(group, "Microsoft.Network/publicIPAddresses"));
        Assert.Equal([$"{InfraId}-public-lb"], await cloud.ListAsync(group, "Microsoft.Network/loadBalancers"));

        // The bootstrap config holds the pull secret and private keys: gone with the bootstrap VM.
        Assert.Null(await blobs.DownloadAsync(bootstrapBlob, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_cluster_fails_the_step()
    {
        await using var provider = cloud.Start(new InMemoryClusters());
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Equal("ResourceNotFound", Assert.IsType<VirtualMachinesProvisioningFailed>(outcome).Code);
    }

    [Fact]
    public async Task A_command_of_an_operation_that_no_longer_acts_on_the_cluster_creates_nothing_and_reports_nothing()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var published = await LocalCloudHarness.RunToEndAsync<ProvisionVirtualMachinesConsumer, ProvisionVirtualMachines>(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Empty(published);
        Assert.False(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None));
    }

    [Fact]
    public async Task A_delete_starting_mid_step_stops_the_provisioning_before_the_next_machine()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        await using var provider = cloud.Start(clusters, services => services.AddSingleton<IVirtualMachines>(
            p => new DeleteRequestedAfterFirstMaster(new Aro.Cloud.Compute.VirtualMachines(p.GetRequiredService<ArmClient>()), clusters)));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var published = await LocalCloudHarness.RunToEndAsync<ProvisionVirtualMachinesConsumer, ProvisionVirtualMachines>(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Empty(published);
        Assert.Equal([$"{InfraId}-bootstrap", $"{InfraId}-master-0"], await LocalCloudHarness.VirtualMachinesAsync(provider));
        Assert.Equal([$"{InfraId}-bootstrap-nic", $"{InfraId}-master0-nic"], await cloud.ListAsync(ValidCluster.ClusterResourceGroupId, "Microsoft.Network/networkInterfaces"));
    }

    private static (string? ApiServerUrl, string? ApiServerIp, string? ConsoleUrl, string? IngressIp) Endpoints(InMemoryClusters clusters)
    {
        var properties = clusters.Stored(ValidCluster.ResourceId)!.Properties;
        return (properties.ApiServerProfile.Url, properties.ApiServerProfile.Ip, properties.ConsoleProfile.Url, properties.IngressProfiles.Single().Ip);
    }

    /// <summary>The cloud's VMs, with the frontend accepting a delete of the cluster as soon as the first master exists.</summary>
    private sealed class DeleteRequestedAfterFirstMaster(IVirtualMachines inner, InMemoryClusters clusters) : IVirtualMachines
    {
        public async Task<VirtualMachineInfo> EnsureAsync(VirtualMachineSpec spec, CancellationToken cancellationToken)
        {
            var vm = await inner.EnsureAsync(spec, cancellationToken);
            if (spec.Name == $"{InfraId}-master-0")
            {
                clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
            }

            return vm;
        }

        public Task<IReadOnlyList<VirtualMachineInfo>> ListAsync(string resourceGroupId, CancellationToken cancellationToken) =>
            inner.ListAsync(resourceGroupId, cancellationToken);

        public Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken) =>
            inner.DeleteAsync(resourceGroupId, name, cancellationToken);
    }
}
