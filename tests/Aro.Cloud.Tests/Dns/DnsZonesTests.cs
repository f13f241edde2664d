using System.Text.Json.Nodes;
using Aro.Cloud.Dns;
using Aro.Cloud.Resources;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;

namespace Aro.Cloud.Tests.Dns;

public sealed class DnsZonesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string ZoneId = $"{LocalCloudFixture.DnsResourceGroupId}/providers/Microsoft.Network/dnszones/aro.localhost";
    private const string Owner = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c1";
    private const string Other = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/other";

    [Fact]
    public async Task Records_are_set_read_replaced_and_deleted()
    {
        var zones = await ZonesAsync();

        Assert.True(await zones.SetARecordAsync(ZoneId, "*.apps.c1", "20.0.0.1", Owner, CancellationToken.None));
        Assert.True(await zones.SetARecordAsync(ZoneId, "*.apps.c1", "20.0.0.2", Owner.ToUpperInvariant(), CancellationToken.None));

        Assert.Equal(["20.0.0.2"], await zones.GetARecordAsync(ZoneId, "*.apps.c1", CancellationToken.None));
        Assert.True(await zones.DeleteARecordAsync(ZoneId, "*.apps.c1", Owner, CancellationToken.None));
        Assert.True(await zones.DeleteARecordAsync(ZoneId, "*.apps.c1", Owner, CancellationToken.None));
        Assert.Null(await zones.GetARecordAsync(ZoneId, "*.apps.c1", CancellationToken.None));
        Assert.True(await zones.DeleteARecordAsync(ZoneId.Replace("aro.localhost", "missing.localhost", StringComparison.Ordinal), "api.c1", Owner, CancellationToken.None));
    }

    [Fact]
    public async Task Another_clusters_record_is_neither_replaced_nor_deleted()
    {
        var zones = await ZonesAsync();
        Assert.True(await zones.SetARecordAsync(ZoneId, "api.taken", "20.0.0.9", Other, CancellationToken.None));

        Assert.False(await zones.SetARecordAsync(ZoneId, "api.taken", "20.0.0.1", Owner, CancellationToken.None));
        Assert.False(await zones.DeleteARecordAsync(ZoneId, "api.taken", Owner, CancellationToken.None));

        Assert.Equal(["20.0.0.9"], await zones.GetARecordAsync(ZoneId, "api.taken", CancellationToken.None));
    }

    [Fact]
    public async Task A_record_written_outside_the_rp_belongs_to_nobody_the_rp_serves()
    {
        var zones = await ZonesAsync();
        var properties = new JsonObject { ["TTL"] = 60, ["ARecords"] = new JsonArray(new JsonObject { ["ipv4Address"] = "20.0.0.7" }) };
        await cloud.Get<ArmClient>().GetGenericResources().CreateOrUpdateAsync(
            WaitUntil.Completed,
            new ResourceIdentifier($"{ZoneId}/A/api.manual"),
            new GenericResourceData(new AzureLocation("global")) { Properties = BinaryData.FromString(properties.ToJsonString()) });

        Assert.False(await zones.SetARecordAsync(ZoneId, "api.manual", "20.0.0.1", Owner, CancellationToken.None));
        Assert.False(await zones.DeleteARecordAsync(ZoneId, "api.manual", Owner, CancellationToken.None));

        Assert.Equal(["20.0.0.7"], await zones.GetARecordAsync(ZoneId, "api.manual", CancellationToken.None));
    }

    private async Task<IDnsZones> ZonesAsync()
    {
        var zones = cloud.Get<IDnsZones>();
        await cloud.Get<IResourceGroups>().EnsureAsync(LocalCloudFixture.DnsResourceGroupId, "eastus", tags: null, CancellationToken.None);
        await zones.EnsureZoneAsync(ZoneId, CancellationToken.None);
        await zones.EnsureZoneAsync(ZoneId, CancellationToken.None);
        return zones;
    }
}
