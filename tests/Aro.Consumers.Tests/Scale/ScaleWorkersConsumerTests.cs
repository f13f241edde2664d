using Aro.Consumers.Scale;
using Aro.Consumers.Tests.Network;
using Aro.Consumers.Tests.VirtualMachines;
using Aro.Contracts;
using MassTransit.Testing;

namespace Aro.Consumers.Tests.Scale;

public sealed class ScaleWorkersConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    [Fact]
    public async Task Scaling_from_three_to_five_shows_five_worker_vms()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(workers: 3));
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider);
        var harness = await provider.StartTestHarness();
        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1")));

        clusters.StartOperation(ValidCluster.ResourceId, "op-2");
        var up = await LocalCloudHarness.RunAsync(harness, new ScaleWorkers(Guid.NewGuid(), ValidCluster.ResourceId, "op-2", 5));

        Assert.Equal(5, Assert.IsType<WorkersScaled>(up).WorkerCount);
        Assert.Equal(5, (await LocalCloudHarness.VirtualMachinesAsync(provider)).Count(n => n.Contains("-worker-", StringComparison.Ordinal)));

        // The workers added by the scale boot like the first ones: from the worker pointer config.
        var workers = await MachineCustomData.WorkersAsync(provider);
        Assert.Equal(5, workers.Count);
        foreach (var (name, customData) in workers)
        {
            await MachineCustomData.AssertPointerAsync(name, customData, "worker");
        }

        clusters.StartOperation(ValidCluster.ResourceId, "op-3");
        Assert.IsType<WorkersScaled>(await LocalCloudHarness.RunAsync(harness, new ScaleWorkers(Guid.NewGuid(), ValidCluster.ResourceId, "op-3", 4)));
        Assert.Equal(4, (await LocalCloudHarness.VirtualMachinesAsync(provider)).Count(n => n.Contains("-worker-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_scale_superseded_by_a_delete_changes_no_worker_and_reports_nothing()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(workers: 3));
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider);
        var harness = await provider.StartTestHarness();
        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1")));
        clusters.StartOperation(ValidCluster.ResourceId, "op-delete");

        var published = await LocalCloudHarness.RunToEndAsync<ScaleWorkersConsumer, ScaleWorkers>(harness, new ScaleWorkers(Guid.NewGuid(), ValidCluster.ResourceId, "op-2", 5));

        Assert.Empty(published);
        Assert.Equal(3, (await LocalCloudHarness.VirtualMachinesAsync(provider)).Count(n => n.Contains("-worker-", StringComparison.Ordinal)));
    }
}
