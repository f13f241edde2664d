using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using k8s;

namespace Aro.LocalCloud.Tests;

/// <summary>One emulator per test class on a free port; tests isolate themselves by resource group name.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";

    public LocalCloudServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        Http = new HttpClient(Server.CreateHttpMessageHandler()) { BaseAddress = Server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>An ArmClient as the cloud adapters build it, pointed at the emulator. Retries are off so injected faults surface.</summary>
    public ArmClient CreateArmClient(bool pinNetworkApiVersion = true)
    {
        var options = new ArmClientOptions
        {
            Environment = new ArmEnvironment(Server.BaseAddress, "https://management.core.windows.net/"),
            Transport = new HttpClientTransport(Server.CreateHttpMessageHandler()),
        };
        options.Retry.MaxRetries = 0;
        if (pinNetworkApiVersion)
        {
            options.SetApiVersion(new ResourceType("Microsoft.Network/virtualNetworks"), "2023-09-01");
        }

        return new ArmClient(new FakeTokenCredential(), SubscriptionId, options);
    }

    public k8s.Kubernetes CreateKubernetesClient(string clusterKey) => new(new KubernetesClientConfiguration
    {
        Host = $"{Server.BaseAddress}_kubernetes/{clusterKey}",
        SkipTlsVerify = true,
        AccessToken = "x",
    });

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public async Task CreateResourceGroupAsync(string name)
    {
        using var response = await SendAsync(HttpMethod.Put,
            $"subscriptions/{SubscriptionId}/resourcegroups/{name}?api-version=2022-09-01", new JsonObject { ["location"] = "eastus" });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
