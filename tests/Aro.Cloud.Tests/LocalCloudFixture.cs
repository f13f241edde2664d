using System.Text.Json.Nodes;
using Aro.LocalCloud;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Cloud.Tests;

/// <summary>The local cloud in-process on a free port, and the adapters pointed at it as a host would configure them.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public const string SubscriptionId = "0b5b6d7e-1f2a-4c3d-8e9f-a0b1c2d3e4f5";
    public const string DnsResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/aro-dns";

    private ServiceProvider? _services;

    public LocalCloudServer Server { get; private set; } = null!;

    public IServiceProvider Services => _services!;

    public async Task InitializeAsync()
    {
        Server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cloud:ArmEndpoint"] = Server.BaseAddress.ToString(),
                ["Cloud:AllowUntrustedCertificates"] = "true",
                ["Cloud:KubernetesEndpoint"] = "{arm}/_kubernetes/{clusterResourceGroup}",
                ["Cloud:DnsZoneResourceGroupId"] = DnsResourceGroupId,
                ["Cloud:Domain"] = "aro.localhost",
                ["Cloud:Location"] = "eastus",
                ["Cloud:KubernetesPollInterval"] = "00:00:00.050",
                ["Cloud:MachineSetReadyTimeout"] = "00:00:30",
            })
            .Build();
        _services = new ServiceCollection().AddAroCloud(configuration).BuildServiceProvider(validateScopes: true);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A customer vnet with subnets, created as <c>az network vnet create</c> would.</summary>
    public async Task<string> CreateVirtualNetworkAsync(string resourceGroupName, string name, string addressSpace, params (string Name, string Prefix, string? NsgId)[] subnets)
    {
        var client = Get<ArmClient>();
        var groupId = $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroupName}";
        await Get<Aro.Cloud.Resources.IResourceGroups>().EnsureAsync(groupId, "eastus", tags: null, CancellationToken.None);
        var subnetArray = new JsonArray();
        foreach (var subnet in subnets)
        {
            var properties = new JsonObject { ["addressPrefix"] = subnet.Prefix };
            if (subnet.NsgId is not null)
            {
                properties["networkSecurityGroup"] = new JsonObject { ["id"] = subnet.NsgId };
            }

            subnetArray.Add(new JsonObject { ["name"] = subnet.Name, ["properties"] = properties });
        }

        var body = new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(addressSpace) },
            ["subnets"] = subnetArray,
        };
        var id = new ResourceIdentifier($"{groupId}/providers/Microsoft.Network/virtualNetworks/{name}");
        await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, id, new GenericResourceData(new AzureLocation("eastus"))
        {
            Properties = BinaryData.FromString(body.ToJsonString()),
        });
        return id.ToString();
    }

    /// <summary>The ids of the resources of one type in a group, read straight from the emulator's ARM list endpoint.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string resourceGroupId, string resourceType, string apiVersion)
    {
        using var http = new HttpClient(Server.CreateHttpMessageHandler()) { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.GetAsync($"{resourceGroupId.TrimStart('/')}/providers/{resourceType}?api-version={apiVersion}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (json?["value"] as JsonArray ?? []).Select(v => v?["id"]?.GetValue<string>()).OfType<string>().ToArray();
    }
}
