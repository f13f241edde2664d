namespace Aro.LocalCloud.Arm;

/// <summary>
/// Child resources that ARM keeps inside the parent's properties (a vnet's subnets, an LB's pools...).
/// They live only in the parent's array here, so the parent body and the child endpoints can never disagree.
/// </summary>
internal static class EmbeddedChildCollections
{
    private static readonly Dictionary<string, string[]> ByParentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Network/virtualNetworks"] = ["subnets", "virtualNetworkPeerings"],
        ["Microsoft.Network/loadBalancers"] =
            ["frontendIPConfigurations", "backendAddressPools", "loadBalancingRules", "probes", "inboundNatRules", "outboundRules"],
        ["Microsoft.Network/networkSecurityGroups"] = ["securityRules"],
        ["Microsoft.Network/networkInterfaces"] = ["ipConfigurations"],
        ["Microsoft.Network/routeTables"] = ["routes"],
    };

    public static IReadOnlyList<string> PropertiesOf(string parentType) =>
        ByParentType.TryGetValue(parentType, out var properties) ? properties : [];

    /// <summary>The property name as ARM spells it, when <paramref name="childType"/> is embedded in the parent type.</summary>
    public static string? PropertyFor(string parentType, string childType) =>
        PropertiesOf(parentType).FirstOrDefault(p => string.Equals(p, childType, StringComparison.OrdinalIgnoreCase));
}
