using System.Net;
using Aro.Cloud.Resources;
using Aro.Cloud.Storage;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Aro.Cloud.Tests.Storage;

public sealed class BlobStorageTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string Content = """{"ignition":{"version":"3.2.0"}}""";

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

    [Fact]
    public async Task Blobs_written_together_ensure_their_account_and_container_once()
    {
        var blobs = cloud.Get<IBlobStorage>();
        // Signs in first, so the counts below are the uploads' own requests.
        await blobs.UploadAsync(await NewLocationAsync("together-warm-up", "bootstrap.ign"), "eastus", BinaryData.FromString(Content), CancellationToken.None);

        var one = await NewLocationAsync("together-one", "bootstrap.ign");
        var alone = await CountRequestsAsync(() => blobs.UploadAsync(one, "eastus", BinaryData.FromString(Content), CancellationToken.None));
        var three = await NewLocationAsync("together-three", "bootstrap.ign");
        string[] names = ["bootstrap.ign", "master.ign", "worker.ign"];
        var together = await CountRequestsAsync(() =>
            blobs.UploadAsync([.. names.Select(name => new BlobContent(three with { Name = name }, BinaryData.FromString(name)))], "eastus", CancellationToken.None));

        // Two more blobs cost their two writes, and nothing else: no second look at the account or the container.
        Assert.Equal(alone + 2, together);
        foreach (var name in names)
        {
            Assert.Equal(name, (await blobs.DownloadAsync(three with { Name = name }, CancellationToken.None))?.ToString());
        }
    }

    [Fact]
    public async Task A_read_url_reads_its_blob_without_credentials_and_nothing_else()
    {
        var (location, url) = await UploadWithReadUrlAsync("sas-read");
        using var http = new HttpClient(cloud.Server.CreateHttpMessageHandler());

        using var read = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Content, await read.Content.ReadAsStringAsync());
        Assert.Contains("sp=r&", url.Query, StringComparison.Ordinal);

        using var write = await http.PutAsync(url, new StringContent("{}") { Headers = { { "x-ms-blob-type", "BlockBlob" } } });
        await AssertRefusedAsync(write, "AuthorizationPermissionMismatch");
        using var delete = await http.DeleteAsync(url);
        await AssertRefusedAsync(delete, "AuthorizationPermissionMismatch");

        // Widening the permissions or pointing the signature at another blob breaks it.
        using var widened = await http.PutAsync(new Uri(url.AbsoluteUri.Replace("sp=r&", "sp=rw&", StringComparison.Ordinal)), new StringContent("{}") { Headers = { { "x-ms-blob-type", "BlockBlob" } } });
        await AssertRefusedAsync(widened, "AuthenticationFailed");
        using var otherBlob = await http.GetAsync(new Uri(url.AbsoluteUri.Replace(location.Name, "master.ign", StringComparison.Ordinal)));
        await AssertRefusedAsync(otherBlob, "AuthenticationFailed");

        Assert.Equal(Content, (await cloud.Get<IBlobStorage>().DownloadAsync(location, CancellationToken.None))?.ToString());
    }

    [Fact]
    public async Task A_sas_past_its_expiry_is_refused_though_its_signature_is_genuine()
    {
        var (location, url) = await UploadWithReadUrlAsync("sas-expired");
        var endpoint = new Uri(url.GetLeftPart(UriPartial.Authority) + $"/_blob/{location.StorageAccount}/");
        var options = new BlobClientOptions { Transport = cloud.Get<CloudHttpTransport>().Transport };
        var now = DateTimeOffset.UtcNow;
        var key = await new BlobServiceClient(endpoint, cloud.Get<TokenCredential>(), options).GetUserDelegationKeyAsync(now.AddHours(-1), now.AddHours(1));
        var expired = new BlobSasBuilder(BlobSasPermissions.Read, now.AddMinutes(-10))
        {
            BlobContainerName = location.Container,
            BlobName = location.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-30),
        };
        var expiredUrl = new UriBuilder(url) { Query = expired.ToSasQueryParameters(key.Value, location.StorageAccount).ToString() }.Uri;
        var current = new BlobSasBuilder(BlobSasPermissions.Read, now.AddMinutes(30)) { BlobContainerName = location.Container, BlobName = location.Name, Resource = "b" };
        var currentUrl = new UriBuilder(url) { Query = current.ToSasQueryParameters(key.Value, location.StorageAccount).ToString() }.Uri;
        using var http = new HttpClient(cloud.Server.CreateHttpMessageHandler());

        using var refused = await http.GetAsync(expiredUrl);
        using var served = await http.GetAsync(currentUrl);

        await AssertRefusedAsync(refused, "AuthenticationFailed");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private async Task<(BlobLocation Location, Uri Url)> UploadWithReadUrlAsync(string groupName)
    {
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/{groupName}";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        var blobs = cloud.Get<IBlobStorage>();
        var location = new BlobLocation(group, groupName.Replace("-", "", StringComparison.Ordinal) + "acct", "ignition", "bootstrap.ign");
        await blobs.UploadAsync(location, "eastus", BinaryData.FromString(Content), CancellationToken.None);
        return (location, await blobs.CreateReadUrlAsync(location, TimeSpan.FromHours(1), CancellationToken.None));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(code, response.Headers.GetValues("x-ms-error-code").Single());
        Assert.Contains($"<Code>{code}</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<BlobLocation> NewLocationAsync(string groupName, string name)
    {
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/{groupName}";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        return new BlobLocation(group, "cluster" + Guid.NewGuid().ToString("N")[..12], "ignition", name);
    }

    private async Task<long> CountRequestsAsync(Func<Task> action)
    {
        var before = cloud.Server.Requests.Requests;
        await action();
        return cloud.Server.Requests.Requests - before;
    }
}
