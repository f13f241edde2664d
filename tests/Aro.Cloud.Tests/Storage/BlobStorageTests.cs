using Aro.Cloud.Resources;
using Aro.Cloud.Storage;

namespace Aro.Cloud.Tests.Storage;

public sealed class BlobStorageTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task Uploads_overwrite_and_downloads_read_back()
    {
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/cluster-blobs";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        var blobs = cloud.Get<IBlobStorage>();
        var location = new BlobLocation(group, "clusterabc123", "ignition", "bootstrap.ign");

        Assert.Null(await blobs.DownloadAsync(location, CancellationToken.None));
        await blobs.UploadAsync(location, "eastus", BinaryData.FromString("""{"ignition":{"version":"3.2.0"}}"""), CancellationToken.None);
        await blobs.UploadAsync(location, "eastus", BinaryData.FromString("""{"ignition":{"version":"3.4.0"}}"""), CancellationToken.None);

        Assert.Equal("""{"ignition":{"version":"3.4.0"}}""", (await blobs.DownloadAsync(location, CancellationToken.None))?.ToString());
        Assert.Null(await blobs.DownloadAsync(location with { Name = "master.ign" }, CancellationToken.None));
    }
}
