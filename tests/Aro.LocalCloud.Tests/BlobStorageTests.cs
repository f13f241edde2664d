using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Aro.LocalCloud.Tests;

/// <summary>What the Ignition step does with Azure.Storage.Blobs against the emulator's blob endpoint.</summary>
public sealed class BlobStorageTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private BlobClientOptions Options() => new()
    {
        Transport = new HttpClientTransport(fixture.Server.CreateHttpMessageHandler()),
        Retry = { MaxRetries = 0 },
    };

    /// <summary>The blob endpoint as the storage account reports it (path-style on 127.0.0.1), so adapters can discover it.</summary>
    private async Task<BlobServiceClient> AccountAsync(string resourceGroup, string account)
    {
        await fixture.CreateResourceGroupAsync(resourceGroup);
        using var response = await fixture.SendAsync(HttpMethod.Put,
            $"subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Storage/storageAccounts/{account}?api-version=2023-01-01",
            new JsonObject { ["location"] = "eastus", ["kind"] = "StorageV2", ["sku"] = new JsonObject { ["name"] = "Standard_LRS" } });
        var endpoint = (await LocalCloudFixture.ReadJsonAsync(response))["properties"]!["primaryEndpoints"]!["blob"]!.GetValue<string>();
        return new BlobServiceClient(new Uri(endpoint), new FakeTokenCredential(), Options());
    }

    [Fact]
    public async Task Container_upload_download_properties_list_and_delete()
    {
        var container = (await AccountAsync("rg-blob", "clusterblob1")).GetBlobContainerClient("ignition");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("bootstrap.ign");
        const string config = """{"ignition":{"version":"3.2.0"}}""";

        await blob.UploadAsync(BinaryData.FromString(config), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } });
        var downloaded = await blob.DownloadContentAsync();
        var properties = await blob.GetPropertiesAsync();
        var names = await container.GetBlobsAsync().Select(b => b.Name).ToListAsync();

        Assert.Equal(config, downloaded.Value.Content.ToString());
        Assert.Equal(config.Length, properties.Value.ContentLength);
        Assert.Equal("application/json", properties.Value.ContentType);
        Assert.Equal(["bootstrap.ign"], names);

        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString(config), overwrite: false));
        Assert.Equal("BlobAlreadyExists", duplicate.ErrorCode);

        await blob.DeleteAsync();
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Download_to_a_stream_uses_ranges()
    {
        var container = (await AccountAsync("rg-blob-ranges", "clusterblob2")).GetBlobContainerClient("ranges");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("worker.ign");
        var payload = new byte[100_000];
        new Random(7).NextBytes(payload);
        await blob.UploadAsync(BinaryData.FromBytes(payload), overwrite: true);

        using var target = new MemoryStream();
        await blob.DownloadToAsync(target);

        Assert.Equal(payload, target.ToArray());
    }

    [Fact]
    public async Task Upload_to_a_missing_container_is_ContainerNotFound()
    {
        var blob = (await AccountAsync("rg-blob-missing", "clusterblob3")).GetBlobContainerClient("absent").GetBlobClient("master.ign");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("{}")));

        Assert.Equal((int)HttpStatusCode.NotFound, error.Status);
        Assert.Equal("ContainerNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task The_underscore_blob_prefix_works_with_clients_built_from_full_uris()
    {
        var containerUri = new Uri(fixture.Server.BaseAddress, "_blob/prefixed/ignition");
        await new BlobContainerClient(containerUri, new FakeTokenCredential(), Options()).CreateAsync();
        var blob = new BlobClient(new Uri($"{containerUri}/master.ign"), new FakeTokenCredential(), Options());

        await blob.UploadAsync(BinaryData.FromString("{}"));

        Assert.Equal("{}", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }
}
