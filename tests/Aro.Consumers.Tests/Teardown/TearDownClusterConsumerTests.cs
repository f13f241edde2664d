using Aro.Cloud.Dns;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;
using Aro.Consumers.Teardown;
using Aro.Consumers.Tests.Network;
using Aro.Contracts;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.Teardown;

public sealed class TearDownClusterConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    [Fact]
    public async Task Teardown_leaves_nothing_and_a_second_teardown_succeeds()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(workers: 3));
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider);
        var harness = await provider.StartTestHarness();
        Assert.IsType<DnsConfigured>(await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1")));
        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1")));

        clusters.StartOperation(ValidCluster.ResourceId, "op-2");
        var first = await LocalCloudHarness.RunAsync(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2"));
        var second = await LocalCloudHarness.RunAsync(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2"));

        Assert.IsType<ClusterTornDown>(first);
        Assert.IsType<ClusterTornDown>(second);
        Assert.False(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None));
        Assert.Empty(await LocalCloudHarness.VirtualMachinesAsync(provider));
        var zones = provider.GetRequiredService<IDnsZones>();
        foreach (var record in new[] { "api.mycluster", "api-int.mycluster", "*.apps.mycluster" })
        {
            Assert.Null(await zones.GetARecordAsync(LocalCloudHarness.DnsZoneId, record, CancellationToken.None));
        }

        // The customer's vnet is not the cluster's to delete.
        Assert.NotNull(await provider.GetRequiredService<IVirtualNetworks>().GetSubnetAsync(ValidCluster.MasterSubnetId, CancellationToken.None));
    }

    [Fact]
    public async Task Tearing_down_a_cluster_whose_creation_stopped_half_way_converges()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        clusters.StartOperation(ValidCluster.ResourceId, "op-2");
        await using var provider = cloud.Start(clusters);
        var infraId = Aro.Api.Resources.InfraId.For(ValidCluster.ResourceId);
        await provider.GetRequiredService<IResourceGroups>().EnsureAsync(ValidCluster.ClusterResourceGroupId, ValidCluster.Location, OwnedByTheCluster, CancellationToken.None);
        await provider.GetRequiredService<IPublicIpAddresses>().EnsureAsync(ValidCluster.ClusterResourceGroupId, $"{infraId}-pip-v4", ValidCluster.Location, CancellationToken.None);
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2"));

        Assert.IsType<ClusterTornDown>(outcome);
        Assert.False(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None));
    }

    [Fact]
    public async Task A_customers_group_refuses_the_create_and_survives_the_teardown()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var groups = provider.GetRequiredService<IResourceGroups>();
        await groups.EnsureAsync(ValidCluster.ClusterResourceGroupId, ValidCluster.Location, new Dictionary<string, string> { ["owner"] = "customer" }, CancellationToken.None);
        var harness = await provider.StartTestHarness();

        var validation = await LocalCloudHarness.RunAsync(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));
        var dns = await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));
        clusters.StartOperation(ValidCluster.ResourceId, "op-2");
        var teardown = await LocalCloudHarness.RunAsync(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2"));

        Assert.Equal(Aro.Api.CloudErrorCodes.ClusterResourceGroupAlreadyExists, Assert.IsType<NetworkValidationFailed>(validation).Code);
        Assert.Equal(Aro.Api.CloudErrorCodes.ClusterResourceGroupAlreadyExists, Assert.IsType<DnsConfigurationFailed>(dns).Code);
        Assert.IsType<ClusterTornDown>(teardown);
        Assert.Equal("customer", (await groups.GetAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None))!.Tags["owner"]);
        Assert.Empty(await cloud.ListAsync(ValidCluster.ClusterResourceGroupId, "Microsoft.Network/publicIPAddresses"));
    }

    [Fact]
    public async Task Tearing_down_a_cluster_that_is_already_forgotten_succeeds()
    {
        await using var provider = cloud.Start(new InMemoryClusters());
        var harness = await provider.StartTestHarness();

        Assert.IsType<ClusterTornDown>(await LocalCloudHarness.RunAsync(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2")));
    }

    [Fact]
    public async Task A_teardown_of_an_operation_that_no_longer_acts_on_the_cluster_deletes_nothing_and_reports_nothing()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(workers: 3));
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();
        Assert.IsType<DnsConfigured>(await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1")));
        clusters.StartOperation(ValidCluster.ResourceId, "op-3");

        var published = await LocalCloudHarness.RunToEndAsync<TearDownClusterConsumer, TearDownCluster>(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2"));

        Assert.Empty(published);
        Assert.True(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None));
        Assert.NotNull(await provider.GetRequiredService<IDnsZones>().GetARecordAsync(LocalCloudHarness.DnsZoneId, "api.mycluster", CancellationToken.None));
    }

    [Fact]
    public async Task Teardown_leaves_the_records_of_another_cluster_with_the_same_domain()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(domain: "shared"));
        await using var provider = cloud.Start(clusters);
        var zones = provider.GetRequiredService<IDnsZones>();
        await provider.GetRequiredService<IResourceGroups>().EnsureAsync(LocalCloudHarness.DnsResourceGroupId, ValidCluster.Location, tags: null, CancellationToken.None);
        await zones.EnsureZoneAsync(LocalCloudHarness.DnsZoneId, CancellationToken.None);
        var otherCluster = ValidCluster.ResourceId.Replace("/mycluster", "/other", StringComparison.Ordinal);
        foreach (var record in new[] { "api.shared", "api-int.shared", "*.apps.shared" })
        {
            Assert.True(await zones.SetARecordAsync(LocalCloudHarness.DnsZoneId, record, "20.0.0.9", otherCluster, CancellationToken.None));
        }

        var harness = await provider.StartTestHarness();
        clusters.StartOperation(ValidCluster.ResourceId, "op-2");

        Assert.IsType<ClusterTornDown>(await LocalCloudHarness.RunAsync(harness, new TearDownCluster(Guid.NewGuid(), ValidCluster.ResourceId, "op-2")));

        foreach (var record in new[] { "api.shared", "api-int.shared", "*.apps.shared" })
        {
            Assert.Equal(["20.0.0.9"], await zones.GetARecordAsync(LocalCloudHarness.DnsZoneId, record, CancellationToken.None));
        }
    }

    private static Dictionary<string, string> OwnedByTheCluster => new() { [Aro.Consumers.Clusters.ClusterResourceGroup.OwnerTag] = ValidCluster.ResourceId };
}
