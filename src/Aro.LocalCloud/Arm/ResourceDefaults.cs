using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Arm;

/// <summary>
/// The read-only values Azure computes on create (ids of embedded children, public and private IPs,
/// VM ids, endpoints), derived deterministically so test assertions and repeated runs are stable.
/// </summary>
internal static class ResourceDefaults
{
    public static void Apply(LocalCloudState state, string resourceType, string id, JsonObject body, JsonObject? existing, string blobBaseAddress)
    {
        var properties = Properties(body);
        properties["provisioningState"] = "Succeeded";
        foreach (var property in EmbeddedChildCollections.PropertiesOf(resourceType))
        {
            if (properties[property] is JsonArray children)
            {
                foreach (var child in children.OfType<JsonObject>())
                {
                    NormalizeChild(child, id, resourceType, property);
                }
            }
            else if (existing?["properties"]?[property] is JsonArray kept)
            {
                // A PUT that omits the children keeps them: callers updating tags must not wipe subnets.
                properties[property] = kept.DeepClone();
            }
        }

        switch (resourceType.ToLowerInvariant())
        {
            case "microsoft.network/publicipaddresses":
                properties["ipAddress"] ??= existing?["properties"]?["ipAddress"]?.DeepClone() ?? PublicIpFor(id);
                properties["publicIPAllocationMethod"] ??= "Static";
                break;
            case "microsoft.network/networkinterfaces":
                AssignPrivateIps(state, id, properties, existing);
                break;
            case "microsoft.compute/virtualmachines":
                properties["vmId"] ??= existing?["properties"]?["vmId"]?.DeepClone() ?? DeterministicGuid(id).ToString();
                break;
            case "microsoft.storage/storageaccounts":
                var name = id[(id.LastIndexOf('/') + 1)..];
                properties["primaryEndpoints"] = new JsonObject { ["blob"] = $"{blobBaseAddress}{name}/" };
                properties["statusOfPrimary"] = "available";
                break;
            case "microsoft.network/dnszones":
                properties["nameServers"] ??= new JsonArray("ns1-01.azure-dns.com.", "ns2-01.azure-dns.net.", "ns3-01.azure-dns.org.", "ns4-01.azure-dns.info.");
                break;
            default:
                break;
        }
    }

    /// <summary>Gives an embedded child the id, type and state ARM would, so callers can reference it (e.g. a subnet id in a NIC).</summary>
    public static void NormalizeChild(JsonObject child, string parentId, string parentType, string property)
    {
        var name = child["name"]?.GetValue<string>() ?? "";
        child["id"] = $"{parentId}/{property}/{name}";
        child["type"] = $"{parentType}/{property}";
        child["etag"] = NewEtag();
        Properties(child)["provisioningState"] = "Succeeded";
    }

    public static JsonObject Properties(JsonObject body)
    {
        if (body["properties"] is not JsonObject properties)
        {
            properties = new JsonObject();
            body["properties"] = properties;
        }

        return properties;
    }

    public static string NewEtag() => $"W/\"{Guid.NewGuid()}\"";

    /// <summary>An address in 20.0.0.0/8 (an Azure public range) from the id, so the same resource always gets the same IP.</summary>
    public static string PublicIpFor(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id.ToLowerInvariant()));
        return $"20.{hash[0]}.{hash[1]}.{1 + (hash[2] % 254)}";
    }

    public static Guid DeterministicGuid(string id) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes(id.ToLowerInvariant())));

    private static void AssignPrivateIps(LocalCloudState state, string nicId, JsonObject properties, JsonObject? existing)
    {
        if (properties["ipConfigurations"] is not JsonArray configurations)
        {
            return;
        }

        foreach (var configuration in configurations.OfType<JsonObject>())
        {
            var configProperties = Properties(configuration);
            if (configProperties["privateIPAddress"] is not null)
            {
                continue;
            }

            var configName = configuration["name"]?.GetValue<string>();
            var previous = (existing?["properties"]?["ipConfigurations"] as JsonArray)?
                .OfType<JsonObject>()
                .FirstOrDefault(c => string.Equals(c["name"]?.GetValue<string>(), configName, StringComparison.OrdinalIgnoreCase))?
                ["properties"]?["privateIPAddress"]?.GetValue<string>();
            var subnetId = configProperties["subnet"]?["id"]?.GetValue<string>();
            configProperties["privateIPAddress"] = previous ?? AllocateFromSubnet(state, nicId, subnetId) ?? FallbackPrivateIp(nicId, configName);
            configProperties["privateIPAllocationMethod"] ??= "Dynamic";
            configProperties["privateIPAddressVersion"] ??= "IPv4";
        }
    }

    private static uint ToUInt32(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    /// <summary>The lowest free host of the subnet after the five addresses Azure reserves (network, gateway, two DNS, broadcast).</summary>
    private static string? AllocateFromSubnet(LocalCloudState state, string nicId, string? subnetId)
    {
        if (subnetId is null)
        {
            return null;
        }

        var marker = subnetId.LastIndexOf("/subnets/", StringComparison.OrdinalIgnoreCase);
        if (marker < 0 || !state.Resources.TryGetValue(ArmResourcePath.Key(subnetId[..marker]), out var vnet))
        {
            return null;
        }

        var subnetName = subnetId[(marker + "/subnets/".Length)..];
        var subnet = (vnet["properties"]?["subnets"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(s => string.Equals(s["name"]?.GetValue<string>(), subnetName, StringComparison.OrdinalIgnoreCase));
        var prefix = subnet?["properties"]?["addressPrefix"]?.GetValue<string>()
            ?? subnet?["properties"]?["addressPrefixes"]?.AsArray().FirstOrDefault()?.GetValue<string>();
        if (prefix is null || !IPNetwork.TryParse(prefix, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return null;
        }

        var nicKey = ArmResourcePath.Key(nicId);
        var used = state.Resources.InGroup("microsoft.network/networkinterfaces")
            .Where(r => !string.Equals(r.Key, nicKey, StringComparison.Ordinal))
            .SelectMany(r => (r.Value["properties"]?["ipConfigurations"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Where(c => string.Equals(c["properties"]?["subnet"]?["id"]?.GetValue<string>(), subnetId, StringComparison.OrdinalIgnoreCase))
            .Select(c => c["properties"]?["privateIPAddress"]?.GetValue<string>())
            .Select(address => address is not null && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
                ? (uint?)ToUInt32(parsed)
                : null)
            .OfType<uint>()
            .ToHashSet();

        // Compared as numbers, so that passing the thousand addresses a busy subnet holds builds no string for each.
        var start = ToUInt32(network.BaseAddress);
        var size = 1ul << (32 - network.PrefixLength);
        for (var offset = 4ul; offset < size - 1; offset++)
        {
            var candidate = (uint)(start + offset);
            if (!used.Contains(candidate))
            {
                return new IPAddress([(byte)(candidate >> 24), (byte)(candidate >> 16), (byte)(candidate >> 8), (byte)candidate]).ToString();
            }
        }

        return null;
    }

    private static string FallbackPrivateIp(string nicId, string? configName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{nicId.ToLowerInvariant()}/{configName}"));
        return $"10.{hash[0]}.{hash[1]}.{4 + (hash[2] % 250)}";
    }
}
