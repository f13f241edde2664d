using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Arm;

/// <summary>
/// Resource provider metadata. Azure.ResourceManager's generic resources read it to choose an
/// api-version when the caller did not pin one, so stable versions come first, newest first.
/// </summary>
internal static class ProviderCatalog
{
    private static readonly string[] NetworkVersions = ["2024-05-01", "2023-09-01", "2023-05-01", "2022-07-01"];
    private static readonly string[] DnsVersions = ["2018-05-01", "2017-09-01"];
    private static readonly string[] ComputeVersions = ["2024-07-01", "2024-03-01", "2023-09-01", "2023-03-01", "2022-11-01"];
    private static readonly string[] StorageVersions = ["2023-05-01", "2023-01-01", "2022-09-01"];
    private static readonly string[] ResourcesVersions = ["2022-09-01", "2021-04-01", "2020-06-01"];

    private static readonly Dictionary<string, (string Type, string[] Versions)[]> Namespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Network"] =
        [
            ("virtualNetworks", NetworkVersions), ("virtualNetworks/subnets", NetworkVersions),
            ("loadBalancers", NetworkVersions), ("publicIPAddresses", NetworkVersions),
            ("networkInterfaces", NetworkVersions), ("networkSecurityGroups", NetworkVersions),
            ("routeTables", NetworkVersions), ("privateDnsZones", DnsVersions),
            ("dnszones", DnsVersions), ("dnszones/A", DnsVersions), ("dnszones/AAAA", DnsVersions),
            ("dnszones/CNAME", DnsVersions), ("dnszones/TXT", DnsVersions), ("dnszones/NS", DnsVersions),
            ("dnszones/SOA", DnsVersions), ("dnszones/all", DnsVersions), ("dnszones/recordsets", DnsVersions),
        ],
        ["Microsoft.Compute"] =
        [
            ("virtualMachines", ComputeVersions), ("disks", ComputeVersions), ("availabilitySets", ComputeVersions),
            ("images", ComputeVersions), ("virtualMachines/extensions", ComputeVersions),
        ],
        ["Microsoft.Storage"] =
        [
            ("storageAccounts", StorageVersions), ("storageAccounts/blobServices", StorageVersions),
            ("storageAccounts/blobServices/containers", StorageVersions),
        ],
        ["Microsoft.Resources"] =
        [
            ("resourceGroups", ResourcesVersions), ("subscriptions", ResourcesVersions), ("deployments", ResourcesVersions),
        ],
    };

    public static IEnumerable<string> Names => Namespaces.Keys;

    /// <summary>Any other namespace is reported registered with no types, as ARM would for a freshly registered provider.</summary>
    public static JsonObject Describe(string? subscription, string providerNamespace, IReadOnlyList<string> locations)
    {
        var canonical = Namespaces.Keys.FirstOrDefault(n => string.Equals(n, providerNamespace, StringComparison.OrdinalIgnoreCase))
            ?? providerNamespace;
        var types = new JsonArray();
        foreach (var (type, versions) in Namespaces.GetValueOrDefault(canonical) ?? [])
        {
            types.Add(new JsonObject
            {
                ["resourceType"] = type,
                ["locations"] = new JsonArray([.. locations.Select(l => (JsonNode)JsonValue.Create(l))]),
                ["apiVersions"] = new JsonArray([.. versions.Select(v => (JsonNode)JsonValue.Create(v))]),
                ["defaultApiVersion"] = versions[0],
                ["capabilities"] = "None",
            });
        }

        return new JsonObject
        {
            ["id"] = subscription is null ? $"/providers/{canonical}" : $"/subscriptions/{subscription}/providers/{canonical}",
            ["namespace"] = canonical,
            ["registrationState"] = "Registered",
            ["registrationPolicy"] = "RegistrationRequired",
            ["resourceTypes"] = types,
        };
    }
}
