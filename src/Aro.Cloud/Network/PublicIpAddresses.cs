using System.Text.Json.Nodes;
using Azure.Core;

namespace Aro.Cloud.Network;

internal sealed class PublicIpAddresses(ArmGenericResources resources) : IPublicIpAddresses
{
    public async Task<PublicIpAddress> EnsureAsync(string resourceGroupId, string name, string location, CancellationToken cancellationToken)
    {
        var id = new ResourceIdentifier($"{resourceGroupId}/providers/Microsoft.Network/publicIPAddresses/{name}");
        var properties = new JsonObject
        {
            ["publicIPAllocationMethod"] = "Static",
            ["publicIPAddressVersion"] = "IPv4",
        };
        var data = await resources.EnsureAsync(id, location, properties, cancellationToken, sku: "Standard");
        var ipAddress = ArmGenericResources.Properties(data)["ipAddress"]?.GetValue<string>();
        return new PublicIpAddress(data.Id?.ToString() ?? id.ToString(), string.IsNullOrEmpty(ipAddress) ? null : ipAddress);
    }
}
