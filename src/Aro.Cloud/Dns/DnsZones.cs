using System.Text.Json.Nodes;
using Azure.Core;
using Azure.ResourceManager.Resources;

namespace Aro.Cloud.Dns;

internal sealed class DnsZones(ArmGenericResources resources) : IDnsZones
{
    /// <summary>The record set metadata key naming the cluster a record belongs to (Azure DNS metadata keys are case-insensitive).</summary>
    internal const string OwnerMetadataKey = "aroclusterresourceid";

    private const string Global = "global";
    private const int Ttl = 300;

    public Task EnsureZoneAsync(string zoneId, CancellationToken cancellationToken) =>
        resources.EnsureAsync(new ResourceIdentifier(zoneId), Global, new JsonObject { ["zoneType"] = "Public" }, cancellationToken);

    public async Task<bool> SetARecordAsync(string zoneId, string relativeName, string ipAddress, string owner, CancellationToken cancellationToken)
    {
        var id = RecordId(zoneId, relativeName);
        if (await resources.GetAsync(id, cancellationToken) is { } existing && !IsOwnedBy(existing, owner))
        {
            return false;
        }

        var properties = new JsonObject
        {
            ["TTL"] = Ttl,
            ["ARecords"] = new JsonArray(new JsonObject { ["ipv4Address"] = ipAddress }),
            ["metadata"] = new JsonObject { [OwnerMetadataKey] = owner },
        };

        // A PUT, not get-or-create: a record left from an earlier attempt may point at an address that changed.
        await resources.PutAsync(id, Global, properties, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<string>?> GetARecordAsync(string zoneId, string relativeName, CancellationToken cancellationToken)
    {
        if (await resources.GetAsync(RecordId(zoneId, relativeName), cancellationToken) is not { } data)
        {
            return null;
        }

        var records = ArmGenericResources.Properties(data)["ARecords"] as JsonArray ?? [];
        return records.Select(r => r?["ipv4Address"]?.GetValue<string>()).OfType<string>().ToArray();
    }

    public async Task<bool> DeleteARecordAsync(string zoneId, string relativeName, string owner, CancellationToken cancellationToken)
    {
        var id = RecordId(zoneId, relativeName);
        if (await resources.GetAsync(id, cancellationToken) is not { } existing)
        {
            return true;
        }

        if (!IsOwnedBy(existing, owner))
        {
            return false;
        }

        await resources.DeleteAsync(id, cancellationToken);
        return true;
    }

    private static bool IsOwnedBy(GenericResourceData record, string owner)
    {
        if (ArmGenericResources.Properties(record)["metadata"] is not JsonObject metadata)
        {
            return false;
        }

        return metadata
            .Where(entry => string.Equals(entry.Key, OwnerMetadataKey, StringComparison.OrdinalIgnoreCase))
            .Any(entry => entry.Value is JsonValue value && value.TryGetValue<string>(out var named) && string.Equals(named, owner, StringComparison.OrdinalIgnoreCase));
    }

    private static ResourceIdentifier RecordId(string zoneId, string relativeName) => new($"{zoneId}/A/{relativeName}");
}
