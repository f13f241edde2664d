using Aro.Cloud.Dns;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;
using Aro.Consumers.Dns;
using Aro.Consumers.Tests.Network;
using Aro.Contracts;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.Dns;

public sealed class ConfigureDnsConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    [Fact]
    public async Task A_managed_domain_gets_api_api_int_and_apps_records_on_the_cluster_ips()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New(domain: "mycluster")));
        var harness = await provider.StartTestHarness();

        var first = await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));
        var again = await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.IsType<DnsConfigured>(first);
        Assert.IsType<DnsConfigured>(again);
        var ips = provider.GetRequiredService<IPublicIpAddresses>();
        var infraId = Aro.Api.Resources.InfraId.For(ValidCluster.ResourceId);
        var api = await ips.EnsureAsync(ValidCluster.ClusterResourceGroupId, $"{infraId}-pip-v4", ValidCluster.Location, CancellationToken.None);
        var ingress = await ips.EnsureAsync(ValidCluster.ClusterResourceGroupId, $"{infraId}-default-v4", ValidCluster.Location, CancellationToken.None);
        var zones = provider.GetRequiredService<IDnsZones>();
        Assert.Equal([api.IpAddress!], await zones.GetARecordAsync(LocalCloudHarness.DnsZoneId, "api.mycluster", CancellationToken.None));
        Assert.Equal([api.IpAddress!], await zones.GetARecordAsync(LocalCloudHarness.DnsZoneId, "api-int.mycluster", CancellationToken.None));
        Assert.Equal([ingress.IpAddress!], await zones.GetARecordAsync(LocalCloudHarness.DnsZoneId, "*.apps.mycluster", CancellationToken.None));
        Assert.Equal([$"{infraId}-default-v4", $"{infraId}-pip-v4"], await cloud.ListAsync(ValidCluster.ClusterResourceGroupId, "Microsoft.Network/publicIPAddresses"));
    }

    [Fact]
    public async Task A_record_of_another_cluster_fails_the_step_with_duplicate_domain_and_stays_as_it_is()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New(domain: "taken")));
        var zones = provider.GetRequiredService<IDnsZones>();
        await provider.GetRequiredService<IResourceGroups>().EnsureAsync(LocalCloudHarness.DnsResourceGroupId, ValidCluster.Location, tags: null, CancellationToken.None);
        await zones.EnsureZoneAsync(LocalCloudHarness.DnsZoneId, CancellationToken.None);
        var otherCluster = ValidCluster.ResourceId.Replace("/mycluster", "/other", StringComparison.Ordinal);
        Assert.True(await zones.SetARecordAsync(LocalCloudHarness.DnsZoneId, "*.apps.taken", "20.0.0.9", otherCluster, CancellationToken.None));
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        var failed = Assert.IsType<DnsConfigurationFailed>(outcome);
        Assert.Equal(Aro.Api.CloudErrorCodes.DuplicateDomain, failed.Code);
        Assert.Equal("properties.clusterProfile.domain", failed.Target);
        Assert.Equal(["20.0.0.9"], await zones.GetARecordAsync(LocalCloudHarness.DnsZoneId, "*.apps.taken", CancellationToken.None));
    }

    [Fact]
    public async Task A_custom_domain_is_left_to_its_owner()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New(domain: "cluster.example.com")));
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.IsType<DnsConfigured>(outcome);
        Assert.Null(await provider.GetRequiredService<IDnsZones>().GetARecordAsync(LocalCloudHarness.DnsZoneId, "api.cluster.example.com", CancellationToken.None));
        Assert.Empty(await cloud.ListAsync(ValidCluster.ClusterResourceGroupId, "Microsoft.Network/publicIPAddresses"));
    }

    [Fact]
    public async Task A_command_of_an_operation_that_no_longer_acts_on_the_cluster_creates_nothing_and_reports_nothing()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(domain: "mycluster"));
        clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
        await using var provider = cloud.Start(clusters);
        var harness = await provider.StartTestHarness();

        var published = await LocalCloudHarness.RunToEndAsync<ConfigureDnsConsumer, ConfigureDns>(harness, new ConfigureDns(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Empty(published);
        Assert.False(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None));
        Assert.False(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(LocalCloudHarness.DnsResourceGroupId, CancellationToken.None));
    }
}
