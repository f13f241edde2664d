using System.Text.Json.Nodes;
using Azure.Core;

namespace Aro.Cloud.Network;

internal sealed class LoadBalancers(ArmGenericResources resources) : ILoadBalancers
{
    private const string Frontend = "public-lb-ip-v4";
    private const string BackendPool = "api-backend";
    private const string Probe = "api-internal-probe";

    public async Task<LoadBalancer> EnsureAsync(string resourceGroupId, string name, string location, string frontendPublicIpId, CancellationToken cancellationToken)
    {
        var id = $"{resourceGroupId}/providers/Microsoft.Network/loadBalancers/{name}";
        var properties = new JsonObject
        {
            ["frontendIPConfigurations"] = new JsonArray(new JsonObject
            {
                ["name"] = Frontend,
                ["properties"] = new JsonObject { ["publicIPAddress"] = new JsonObject { ["id"] = frontendPublicIpId } },
            }),
            ["backendAddressPools"] = new JsonArray(new JsonObject { ["name"] = BackendPool }),
            ["probes"] = new JsonArray(new JsonObject
            {
                ["name"] = Probe,
                ["properties"] = new JsonObject
                {
                    ["protocol"] = "Https",
                    ["port"] = 6443,
                    ["requestPath"] = "/readyz",
                    ["intervalInSeconds"] = 5,
                    ["numberOfProbes"] = 2,
                },
            }),
            ["loadBalancingRules"] = new JsonArray(new JsonObject
            {
                ["name"] = "api-internal",
                ["properties"] = new JsonObject
                {
                    ["frontendIPConfiguration"] = new JsonObject { ["id"] = $"{id}/frontendIPConfigurations/{Frontend}" },
                    ["backendAddressPool"] = new JsonObject { ["id"] = $"{id}/backendAddressPools/{BackendPool}" },
                    ["probe"] = new JsonObject { ["id"] = $"{id}/probes/{Probe}" },
                    ["protocol"] = "Tcp",
                    ["frontendPort"] = 6443,
                    ["backendPort"] = 6443,
                    ["idleTimeoutInMinutes"] = 30,
                    ["loadDistribution"] = "Default",
                },
            }),
        };
        var data = await resources.EnsureAsync(new ResourceIdentifier(id), location, properties, cancellationToken, sku: "Standard");
        var actualId = data.Id?.ToString() ?? id;
        return new LoadBalancer(actualId, $"{actualId}/backendAddressPools/{BackendPool}");
    }
}
