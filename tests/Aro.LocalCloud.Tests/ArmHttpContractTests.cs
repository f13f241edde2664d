using System.Net;
using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Tests;

/// <summary>The raw ARM contract: status codes, error bodies and computed properties, as curl and the adapters see them.</summary>
public sealed class ArmHttpContractTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Sub = LocalCloudFixture.SubscriptionId;

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await LocalCloudFixture.ReadJsonAsync(response);
        Assert.Equal(code, body["error"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error"]!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Missing_api_version_is_rejected_with_ARMs_error_code()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, $"subscriptions/{Sub}/resourcegroups/anything");
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "MissingApiVersionParameter");
    }

    [Fact]
    public async Task Unknown_group_and_resource_give_ResourceGroupNotFound_and_ResourceNotFound()
    {
        using (var response = await fixture.SendAsync(HttpMethod.Get, $"subscriptions/{Sub}/resourcegroups/nope?api-version=2022-09-01"))
        {
            await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceGroupNotFound");
        }

        await fixture.CreateResourceGroupAsync("rg-errors");
        using (var response = await fixture.SendAsync(HttpMethod.Get,
            $"subscriptions/{Sub}/resourceGroups/rg-errors/providers/Microsoft.Network/loadBalancers/lb?api-version=2023-09-01"))
        {
            await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
        }

        using var absent = await fixture.SendAsync(HttpMethod.Delete,
            $"subscriptions/{Sub}/resourceGroups/rg-errors/providers/Microsoft.Network/loadBalancers/lb?api-version=2023-09-01");
        Assert.Equal(HttpStatusCode.NoContent, absent.StatusCode);
    }

    [Fact]
    public async Task Put_creates_with_201_updates_with_200_and_paths_are_case_insensitive()
    {
        await fixture.CreateResourceGroupAsync("rg-put");
        var body = new JsonObject { ["location"] = "eastus", ["properties"] = new JsonObject { ["publicIPAllocationMethod"] = "Static" } };
        using var created = await fixture.SendAsync(HttpMethod.Put,
            $"subscriptions/{Sub}/resourceGroups/rg-put/providers/Microsoft.Network/publicIPAddresses/api-pip?api-version=2023-09-01", body);
        using var updated = await fixture.SendAsync(HttpMethod.Put,
            $"SUBSCRIPTIONS/{Sub}/RESOURCEGROUPS/RG-PUT/providers/microsoft.network/publicipaddresses/API-PIP?api-version=2023-09-01", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var first = await LocalCloudFixture.ReadJsonAsync(created);
        var second = await LocalCloudFixture.ReadJsonAsync(updated);
        Assert.StartsWith("20.", first["properties"]!["ipAddress"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(first["properties"]!["ipAddress"]!.GetValue<string>(), second["properties"]!["ipAddress"]!.GetValue<string>());
        Assert.Equal($"/subscriptions/{Sub}/resourceGroups/rg-put/providers/Microsoft.Network/publicIPAddresses/api-pip", second["id"]!.GetValue<string>());
        Assert.Equal("Succeeded", second["properties"]!["provisioningState"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subnet_children_stay_in_sync_with_the_vnet_and_nics_get_addresses_from_their_subnet()
    {
        await fixture.CreateResourceGroupAsync("rg-net");
        var vnetPath = $"subscriptions/{Sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet";
        // The body `az network vnet create --subnet-name master --subnet-prefixes 10.0.0.0/23` sends.
        using (var response = await fixture.SendAsync(HttpMethod.Put, $"{vnetPath}?api-version=2023-09-01", JsonNode.Parse("""
            {"location":"eastus","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/22"]},"dhcpOptions":{},
             "subnets":[{"name":"master","properties":{"addressPrefix":"10.0.0.0/23","privateEndpointNetworkPolicies":"Disabled"}}]}}
            """)))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // `az network vnet subnet create` PUTs the child.
        using (var response = await fixture.SendAsync(HttpMethod.Put, $"{vnetPath}/subnets/worker?api-version=2023-09-01",
            JsonNode.Parse("""{"name":"worker","properties":{"addressPrefix":"10.0.2.0/23"}}""")))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var vnet = await fixture.SendAsync(HttpMethod.Get, $"{vnetPath}?api-version=2023-09-01");
        var subnets = (await LocalCloudFixture.ReadJsonAsync(vnet))["properties"]!["subnets"]!.AsArray();
        Assert.Equal(["master", "worker"], subnets.Select(s => s!["name"]!.GetValue<string>()));

        using var list = await fixture.SendAsync(HttpMethod.Get, $"{vnetPath}/subnets?api-version=2023-09-01");
        Assert.Equal(2, (await LocalCloudFixture.ReadJsonAsync(list))["value"]!.AsArray().Count);

        var workerSubnetId = $"/{vnetPath}/subnets/worker";
        var nicIps = new List<string>();
        foreach (var nic in new[] { "nic-0", "nic-1" })
        {
            using var response = await fixture.SendAsync(HttpMethod.Put,
                $"subscriptions/{Sub}/resourceGroups/rg-net/providers/Microsoft.Network/networkInterfaces/{nic}?api-version=2023-09-01",
                new JsonObject
                {
                    ["location"] = "eastus",
                    ["properties"] = new JsonObject
                    {
                        ["ipConfigurations"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "ipconfig1",
                            ["properties"] = new JsonObject { ["subnet"] = new JsonObject { ["id"] = workerSubnetId } },
                        }),
                    },
                });
            var body = await LocalCloudFixture.ReadJsonAsync(response);
            nicIps.Add(body["properties"]!["ipConfigurations"]![0]!["properties"]!["privateIPAddress"]!.GetValue<string>());
        }

        Assert.Equal(["10.0.2.4", "10.0.2.5"], nicIps);

        using var deleted = await fixture.SendAsync(HttpMethod.Delete, $"{vnetPath}/subnets/master?api-version=2023-09-01");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var after = await fixture.SendAsync(HttpMethod.Get, $"{vnetPath}?api-version=2023-09-01");
        Assert.Equal(["worker"], (await LocalCloudFixture.ReadJsonAsync(after))["properties"]!["subnets"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Dns_record_sets_need_their_zone_and_list_by_type()
    {
        await fixture.CreateResourceGroupAsync("rg-dns");
        var zone = $"subscriptions/{Sub}/resourceGroups/rg-dns/providers/Microsoft.Network/dnszones/example.com";
        var record = new JsonObject { ["properties"] = new JsonObject { ["TTL"] = 300, ["ARecords"] = new JsonArray(new JsonObject { ["ipv4Address"] = "20.1.2.3" }) } };
        using (var orphan = await fixture.SendAsync(HttpMethod.Put, $"{zone}/A/api.c1?api-version=2018-05-01", record))
        {
            await AssertErrorAsync(orphan, HttpStatusCode.NotFound, "ParentResourceNotFound");
        }

        using (await fixture.SendAsync(HttpMethod.Put, $"{zone}?api-version=2018-05-01", new JsonObject { ["location"] = "global" }))
        {
        }

        using (var created = await fixture.SendAsync(HttpMethod.Put, $"{zone}/A/api.c1?api-version=2018-05-01", record))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (await fixture.SendAsync(HttpMethod.Put, $"{zone}/A/*.apps.c1?api-version=2018-05-01", record))
        {
        }

        using var list = await fixture.SendAsync(HttpMethod.Get, $"{zone}/A?api-version=2018-05-01");
        var names = (await LocalCloudFixture.ReadJsonAsync(list))["value"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["*.apps.c1", "api.c1"], names);
    }

    [Fact]
    public async Task Subscription_locations_and_provider_metadata_are_served()
    {
        using var subscription = await fixture.SendAsync(HttpMethod.Get, $"subscriptions/{Sub}?api-version=2022-12-01");
        Assert.Equal(Sub, (await LocalCloudFixture.ReadJsonAsync(subscription))["subscriptionId"]!.GetValue<string>());

        using var locations = await fixture.SendAsync(HttpMethod.Get, $"subscriptions/{Sub}/locations?api-version=2022-12-01");
        Assert.Contains("eastus", (await LocalCloudFixture.ReadJsonAsync(locations))["value"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));

        using var provider = await fixture.SendAsync(HttpMethod.Get, $"subscriptions/{Sub}/providers/microsoft.compute?api-version=2021-04-01");
        var body = await LocalCloudFixture.ReadJsonAsync(provider);
        Assert.Equal("Microsoft.Compute", body["namespace"]!.GetValue<string>());
        Assert.Equal("Registered", body["registrationState"]!.GetValue<string>());
        Assert.Contains("virtualMachines", body["resourceTypes"]!.AsArray().Select(t => t!["resourceType"]!.GetValue<string>()));
    }
}
