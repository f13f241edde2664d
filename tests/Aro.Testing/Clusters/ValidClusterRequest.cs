using System.Text.Json.Nodes;

namespace Aro.Testing.Clusters;

/// <summary>
/// The create request body every api-version accepts, in the external form they share: what table tests start from,
/// changing one thing per row. Each call returns a fresh object.
/// </summary>
public static class ValidClusterRequest
{
    public const string PullSecret = "{\"auths\":{\"registry.redhat.io\":{\"auth\":\"c2VjcmV0\"}}}";

    /// <summary>The customer's vnet in <paramref name="subscriptionId"/>, whose master and worker subnets the body names.</summary>
    public static string VnetId(string subscriptionId) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet";

    public static JsonObject Body(
        string subscriptionId,
        string location,
        JsonObject tags,
        string domain,
        string clusterResourceGroupId,
        string clientId,
        string clientSecret)
    {
        var vnet = VnetId(subscriptionId);
        return new JsonObject
        {
            ["location"] = location,
            ["tags"] = tags,
            ["properties"] = new JsonObject
            {
                ["clusterProfile"] = new JsonObject
                {
                    ["pullSecret"] = PullSecret,
                    ["domain"] = domain,
                    ["resourceGroupId"] = clusterResourceGroupId,
                },
                ["servicePrincipalProfile"] = new JsonObject
                {
                    ["clientId"] = clientId,
                    ["clientSecret"] = clientSecret,
                },
                ["networkProfile"] = new JsonObject { ["podCidr"] = "10.128.0.0/14", ["serviceCidr"] = "172.30.0.0/16" },
                ["masterProfile"] = new JsonObject { ["vmSize"] = "Standard_D8s_v3", ["subnetId"] = vnet + "/subnets/master" },
                ["workerProfiles"] = new JsonArray(new JsonObject
                {
                    ["name"] = "worker",
                    ["vmSize"] = "Standard_D4s_v3",
                    ["diskSizeGB"] = 128,
                    ["subnetId"] = vnet + "/subnets/worker",
                    ["count"] = 3,
                }),
                ["apiserverProfile"] = new JsonObject { ["visibility"] = "Public" },
                ["ingressProfiles"] = new JsonArray(new JsonObject { ["name"] = "default", ["visibility"] = "Public" }),
            },
        };
    }
}
