using System.Net;

namespace Aro.LocalCloud.Tests;

/// <summary>With a data directory, an emulator restart (an aro-rp restart) keeps resources and clusters.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"localcloud-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Resources_and_clusters_survive_a_restart()
    {
        var options = new LocalCloudOptions { Url = "https://localhost:0", DataDirectory = _directory };
        await using (var first = await LocalCloudServer.StartAsync(options))
        {
            using var http = new HttpClient(first.CreateHttpMessageHandler()) { BaseAddress = first.BaseAddress };
            using var created = await http.PutAsync($"subscriptions/{LocalCloudFixture.SubscriptionId}/resourcegroups/kept?api-version=2022-09-01",
                new StringContent("""{"location":"eastus"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            first.Clusters.Ensure("kept");
        }

        await using var second = await LocalCloudServer.StartAsync(options);
        using var client = new HttpClient(second.CreateHttpMessageHandler()) { BaseAddress = second.BaseAddress };
        using var read = await client.GetAsync($"subscriptions/{LocalCloudFixture.SubscriptionId}/resourcegroups/kept?api-version=2022-09-01");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(second.Clusters.Exists("kept"));
    }
}
