using Aro.Cloud.Dns;
using Aro.Cloud.Resources;

namespace Aro.Cloud.Tests.Dns;

public sealed class DnsZonesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task Records_are_set_read_replaced_and_deleted()
    {
        var zones = cloud.Get<IDnsZones>();
        var zoneId = $"{LocalCloudFixture.DnsResourceGroupId}/providers/Microsoft.Network/dnszones/aro.localhost";
        await cloud.Get<IResourceGroups>().EnsureAsync(LocalCloudFixture.DnsResourceGroupId, "eastus", tags: null, CancellationToken.None);
        await zones.EnsureZoneAsync(zoneId, CancellationToken.None);
        await zones.EnsureZoneAsync(zoneId, CancellationToken.None);

        await zones.SetARecordAsync(zoneId, "*.apps.c1", "20.0.0.1", CancellationToken.None);
        await zones.SetARecordAsync(zoneId, "*.apps.c1", "20.0.0.2", CancellationToken.None);

        Assert.Equal(["20.0.0.2"], await zones.GetARecordAsync(zoneId, "*.apps.c1", CancellationToken.None));
        await zones.DeleteARecordAsync(zoneId, "*.apps.c1", CancellationToken.None);
        await zones.DeleteARecordAsync(zoneId, "*.apps.c1", CancellationToken.None);
        Assert.Null(await zones.GetARecordAsync(zoneId, "*.apps.c1", CancellationToken.None));
        await zones.DeleteARecordAsync(zoneId.Replace("aro.localhost", "missing.localhost", StringComparison.Ordinal), "api.c1", CancellationToken.None);
    }
}
