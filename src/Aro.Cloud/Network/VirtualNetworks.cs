using System.Text.Json.Nodes;
using Azure.Core;

namespace Aro.Cloud.Network;

internal sealed class VirtualNetworks(ArmGenericResources resources) : IVirtualNetworks
{
    public async Task<Subnet?> GetSubnetAsync(string subnetId, CancellationToken cancellationToken)
    {
        if (await resources.GetAsync(new ResourceIdentifier(subnetId), cancellationToken) is not { } data)
        {
            return null;
        }

        var properties = ArmGenericResources.Properties(data);
        var prefixes = new List<string>();
        if (properties["addressPrefix"]?.GetValue<string>() is { Length: > 0 } prefix)
        {
            prefixes.Add(prefix);
        }

        if (properties["addressPrefixes"] is JsonArray many)
        {
            prefixes.AddRange(many.Select(p => p?.GetValue<string>()).OfType<string>().Where(p => !prefixes.Contains(p)));
        }

        var nsg = properties["networkSecurityGroup"]?["id"]?.GetValue<string>();
        var routeTable = properties["routeTable"]?["id"]?.GetValue<string>();
        return new Subnet(data.Id?.ToString() ?? subnetId, prefixes, string.IsNullOrEmpty(nsg) ? null : nsg, string.IsNullOrEmpty(routeTable) ? null : routeTable);
    }
}
