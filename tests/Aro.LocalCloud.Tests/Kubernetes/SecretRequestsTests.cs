using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Aro.LocalCloud.Tests.Kubernetes;

/// <summary>core/v1 Secrets through KubernetesClient, answered as the API server answers them.</summary>
public sealed class SecretRequestsTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Namespace = "openshift-machine-api";

    private static V1Secret Secret(string name, string userData, string? resourceVersion = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, ResourceVersion = resourceVersion },
        Data = new Dictionary<string, byte[]> { ["userData"] = Encoding.UTF8.GetBytes(userData) },
    };

    [Fact]
    public async Task A_secret_is_created_read_listed_replaced_and_deleted()
    {
        var k8s = fixture.CreateKubernetesClient("aro-secrets-crud");

        // A Secret is a first write like a MachineSet: it brings the simulated cluster to life.
        var created = await k8s.CoreV1.CreateNamespacedSecretAsync(Secret("worker-user-data", "first"), Namespace);
        Assert.True(fixture.Server.Clusters.Exists("aro-secrets-crud"));
        Assert.Equal(("Opaque", "first"), (created.Type, Encoding.UTF8.GetString(created.Data["userData"])));

        var read = await k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace);
        Assert.Equal((created.Metadata.Uid, created.Metadata.ResourceVersion, "first"), (read.Metadata.Uid, read.Metadata.ResourceVersion, Encoding.UTF8.GetString(read.Data["userData"])));
        Assert.Equal(["worker-user-data"], (await k8s.CoreV1.ListNamespacedSecretAsync(Namespace)).Items.Select(s => s.Metadata.Name));
        Assert.Empty((await k8s.CoreV1.ListNamespacedSecretAsync("default")).Items);

        var replaced = await k8s.CoreV1.ReplaceNamespacedSecretAsync(Secret("worker-user-data", "second", read.Metadata.ResourceVersion), "worker-user-data", Namespace);
        Assert.Equal(created.Metadata.Uid, replaced.Metadata.Uid);
        Assert.NotEqual(read.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal("second", Encoding.UTF8.GetString((await k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace)).Data["userData"]));

        await k8s.CoreV1.DeleteNamespacedSecretAsync("worker-user-data", Namespace);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task A_missing_secret_is_404_with_a_status_body()
    {
        fixture.Server.Clusters.Ensure("aro-secrets-missing");
        var k8s = fixture.CreateKubernetesClient("aro-secrets-missing");

        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace));

        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        var status = JsonNode.Parse(missing.Response.Content)!;
        Assert.Equal(("Status", "Failure", "NotFound", 404), (status["kind"]!.GetValue<string>(), status["status"]!.GetValue<string>(), status["reason"]!.GetValue<string>(), status["code"]!.GetValue<int>()));
        Assert.Equal("secrets \"worker-user-data\" not found", status["message"]!.GetValue<string>());
        Assert.Equal(("worker-user-data", "secrets"), (status["details"]!["name"]!.GetValue<string>(), status["details"]!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_second_create_conflicts_and_a_stale_replace_conflicts()
    {
        var k8s = fixture.CreateKubernetesClient("aro-secrets-conflicts");
        var created = await k8s.CoreV1.CreateNamespacedSecretAsync(Secret("worker-user-data", "first"), Namespace);
        await k8s.CoreV1.ReplaceNamespacedSecretAsync(Secret("worker-user-data", "second", created.Metadata.ResourceVersion), "worker-user-data", Namespace);

        var again = await Assert.ThrowsAsync<HttpOperationException>(() => k8s.CoreV1.CreateNamespacedSecretAsync(Secret("worker-user-data", "other"), Namespace));
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() =>
            k8s.CoreV1.ReplaceNamespacedSecretAsync(Secret("worker-user-data", "third", created.Metadata.ResourceVersion), "worker-user-data", Namespace));

        Assert.Equal((HttpStatusCode.Conflict, "AlreadyExists"), (again.Response.StatusCode, JsonNode.Parse(again.Response.Content)!["reason"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Conflict, "Conflict"), (stale.Response.StatusCode, JsonNode.Parse(stale.Response.Content)!["reason"]!.GetValue<string>()));
        Assert.Equal("second", Encoding.UTF8.GetString((await k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace)).Data["userData"]));
    }

    [Fact]
    public async Task String_data_is_folded_into_data_and_data_that_is_not_base64_is_refused()
    {
        fixture.Server.Clusters.Ensure("aro-secrets-shapes");
        var path = "_kubernetes/aro-secrets-shapes/api/v1/namespaces/openshift-machine-api/secrets";

        using var created = await fixture.SendAsync(HttpMethod.Post, path, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "plain" },
            ["stringData"] = new JsonObject { ["userData"] = "{}" },
        });
        using var invalid = await fixture.SendAsync(HttpMethod.Post, path, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "invalid" },
            ["data"] = new JsonObject { ["userData"] = "not base64!" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await LocalCloudFixture.ReadJsonAsync(created);
        Assert.Null(body["stringData"]);
        Assert.Equal(Convert.ToBase64String("{}"u8), body["data"]!["userData"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
