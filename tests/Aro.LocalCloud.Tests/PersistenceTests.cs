using System.Net;
using k8s;

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

    [Fact]
    public async Task A_clusters_secrets_survive_a_restart_in_files_only_their_owner_can_read()
    {
        var options = new LocalCloudOptions { Url = "https://localhost:0", DataDirectory = _directory };
        var secret = new k8s.Models.V1Secret
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "worker-user-data" },
            Data = new Dictionary<string, byte[]> { ["userData"] = "{}"u8.ToArray() },
        };
        await using (var first = await LocalCloudServer.StartAsync(options))
        {
            using var k8s = Kubernetes(first, "kept-secrets");
            await k8s.CoreV1.CreateNamespacedSecretAsync(secret, "openshift-machine-api");
        }

        await using var second = await LocalCloudServer.StartAsync(options);
        using var client = Kubernetes(second, "kept-secrets");
        var read = await client.CoreV1.ReadNamespacedSecretAsync("worker-user-data", "openshift-machine-api");

        Assert.Equal("{}"u8.ToArray(), read.Data["userData"]);
        if (!OperatingSystem.IsWindows())
        {
            var files = Directory.GetFiles(_directory, "localcloud.*");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    private static k8s.Kubernetes Kubernetes(LocalCloudServer server, string clusterKey) => new(new k8s.KubernetesClientConfiguration
    {
        Host = $"{server.BaseAddress}_kubernetes/{clusterKey}",
        SkipTlsVerify = true,
        AccessToken = "x",
    });
}
