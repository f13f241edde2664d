using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Aro.Cloud;
using Aro.Cloud.Resources;
using Aro.LocalCloud;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aro.Testing.LocalCloud;

/// <summary>
/// The local cloud in-process on a free port, one per test class (tests isolate themselves by resource group name),
/// with raw ARM access and the cloud adapters pointed at it as a host would configure them.
/// </summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";
    public const string DnsResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/aro-dns";

    private ServiceProvider? _services;

    public LocalCloudServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The cloud adapters (<c>AddAroCloud</c>) configured by <see cref="CloudConfiguration"/>.</summary>
    public IServiceProvider Services => _services!;

    public async Task InitializeAsync()
    {
        Server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        Http = new HttpClient(Server.CreateHttpMessageHandler()) { BaseAddress = Server.BaseAddress };
        _services = new ServiceCollection()
            .AddAroCloud(CloudConfiguration(DnsResourceGroupId, machineSetReadyTimeout: TimeSpan.FromSeconds(30)))
            .BuildServiceProvider(validateScopes: true);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Http.Dispose();
        await Server.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The <c>Cloud</c> settings a host gives the cloud adapters to reach this local cloud; Kubernetes is polled quickly.</summary>
    public IConfiguration CloudConfiguration(string dnsResourceGroupId, TimeSpan machineSetReadyTimeout) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cloud:ArmEndpoint"] = Server.BaseAddress.ToString(),
                ["Cloud:AllowUntrustedCertificates"] = "true",
                ["Cloud:KubernetesEndpoint"] = "{arm}/_kubernetes/{clusterResourceGroup}",
                ["Cloud:DnsZoneResourceGroupId"] = dnsResourceGroupId,
                ["Cloud:Domain"] = "aro.localhost",
                ["Cloud:Location"] = "eastus",
                ["Cloud:KubernetesPollInterval"] = "00:00:00.050",
                ["Cloud:MachineSetReadyTimeout"] = machineSetReadyTimeout.ToString("c"),
            })
            .Build();

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

    /// <summary>A customer vnet with subnets in <see cref="SubscriptionId"/>, created as <c>az network vnet create</c> would.</summary>
    public Task<string> CreateVirtualNetworkAsync(string resourceGroupName, string name, string addressSpace, params (string Name, string Prefix, string? NsgId)[] subnets) =>
        CreateVirtualNetworkAsync(
            Services, $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{name}", "eastus", addressSpace, subnets);

    /// <summary>
    /// A customer vnet with subnets, created as <c>az network vnet create</c> would, through the ARM client and the
    /// resource groups of <paramref name="services"/> (a provider with the cloud adapters).
    /// </summary>
    public static async Task<string> CreateVirtualNetworkAsync(
        IServiceProvider services, string vnetId, string location, string addressSpace, params (string Name, string Prefix, string? NsgId)[] subnets)
    {
        var id = new ResourceIdentifier(vnetId);
        var groupId = $"/subscriptions/{id.SubscriptionId}/resourceGroups/{id.ResourceGroupName}";
        await services.GetRequiredService<IResourceGroups>().EnsureAsync(groupId, location, tags: null, CancellationToken.None);
        var subnetArray = new JsonArray();
        foreach (var (subnetName, prefix, nsgId) in subnets)
        {
            var properties = new JsonObject { ["addressPrefix"] = prefix };
            if (nsgId is not null)
            {
                properties["networkSecurityGroup"] = new JsonObject { ["id"] = nsgId };
            }

            subnetArray.Add(new JsonObject { ["name"] = subnetName, ["properties"] = properties });
        }

        var body = new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(addressSpace) },
            ["subnets"] = subnetArray,
        };
        await services.GetRequiredService<ArmClient>().GetGenericResources().CreateOrUpdateAsync(
            WaitUntil.Completed,
            id,
            new GenericResourceData(new AzureLocation(location)) { Properties = BinaryData.FromString(body.ToJsonString()) });
        return id.ToString();
    }

    /// <summary>The ids of the resources of one type in a group, read straight from the emulator's ARM list endpoint.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string resourceGroupId, string resourceType, string apiVersion) =>
        (await ListResourcesAsync(resourceGroupId, resourceType, apiVersion)).Select(r => r["id"]?.GetValue<string>()).OfType<string>().ToArray();

    /// <summary>The resources of one type in a group as the emulator's ARM list endpoint returns them; none when the group does not exist.</summary>
    public async Task<IReadOnlyList<JsonNode>> ListResourcesAsync(string resourceGroupId, string resourceType, string apiVersion)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{resourceGroupId.TrimStart('/')}/providers/{resourceType}?api-version={apiVersion}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test");
        using var response = await Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (json?["value"] as JsonArray ?? []).OfType<JsonNode>().ToArray();
    }
}
