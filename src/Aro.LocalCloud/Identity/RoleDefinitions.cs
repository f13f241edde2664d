namespace Aro.LocalCloud.Identity;

/// <summary>
/// The built-in Azure roles the local cloud knows, as their definitions' control-plane permissions (the parts the RP
/// and its customers' service principals touch). A role not listed (the data-plane Key Vault roles) grants no ARM action.
/// </summary>
public static class RoleDefinitions
{
    public const string Owner = "Owner";
    public const string Contributor = "Contributor";
    public const string Reader = "Reader";
    public const string NetworkContributor = "Network Contributor";
    public const string DnsZoneContributor = "DNS Zone Contributor";

    private static readonly Dictionary<string, RolePermission> Definitions = new(StringComparer.OrdinalIgnoreCase)
    {
        [Owner] = new(["*"], []),
        [Contributor] = new(["*"], ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action"]),
        [Reader] = new(["*/read"], []),
        [NetworkContributor] = new(
            ["Microsoft.Authorization/*/read", "Microsoft.Network/*", "Microsoft.Resources/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read"], []),
        [DnsZoneContributor] = new(
            ["Microsoft.Authorization/*/read", "Microsoft.Network/dnsZones/*", "Microsoft.Resources/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read"], []),
    };

    /// <summary>The role's permissions, or null for a role that grants no ARM action.</summary>
    public static RolePermission? Find(string roleName) => Definitions.GetValueOrDefault(roleName);

    /// <summary>True when one of <paramref name="roles"/>, assigned at a scope covering <paramref name="resourcePath"/>, allows <paramref name="action"/>.</summary>
    public static bool Allow(IEnumerable<RoleAssignment> roles, string resourcePath, string action) =>
        roles.Any(role => role.Covers(resourcePath) && Find(role.RoleName)?.Allows(action) == true);
}
