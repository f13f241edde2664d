using System.Text.Json.Nodes;
using Azure.Core;

namespace Aro.Cloud.Network;

internal sealed class NetworkInterfaces(ArmGenericResources resources) : INetworkInterfaces
{
    public async Task<string> EnsureAsync(string resourceGroupId, string name, string location, string subnetId, string? backendAddressPoolId, CancellationToken cancellationToken)
    {
        var ipConfiguration = new JsonObject
        {
            ["subnet"] = new JsonObject { ["id"] = subnetId },
            ["privateIPAllocationMethod"] = "Dynamic",
        };
        if (backendAddressPoolId is not null)
        {
            ipConfiguration["loadBalancerBackendAddressPools"] = new JsonArray(new JsonObject { ["id"] = backendAddressPoolId });
        }

        var properties = new JsonObject
        {
            ["ipConfigurations"] = new JsonArray(new JsonObject { ["name"] = "pipConfig", ["properties"] = ipConfiguration }),
        };
        var id = Id(resourceGroupId, name);
        var data = await resources.EnsureAsync(id, location, properties, cancellationToken);
        return data.Id?.ToString() ?? id.ToString();
    }

    public Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken) =>
        resources.DeleteAsync(Id(resourceGroupId, name), cancellationToken);

    private static ResourceIdentifier Id(string resourceGroupId, string name) =>
        new($"{resourceGroupId}/providers/Microsoft.Network/networkInterfaces/{name}");
}
