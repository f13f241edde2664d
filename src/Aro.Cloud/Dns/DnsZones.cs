using System.Text.Json.Nodes;
using Azure.Core;

namespace Aro.Cloud.Dns;

internal sealed class DnsZones(ArmGenericResources resources) : IDnsZones
{
    private const string Global = "global";
    private const int Ttl = 300;

    public Task EnsureZoneAsync(string zoneId, CancellationToken cancellationToken) =>
        resources.EnsureAsync(new ResourceIdentifier(zoneId), Global, new JsonObject { ["zoneType"] = "Public" }, cancellationToken);

    public Task SetARecordAsync(string zoneId, string relativeName, string ipAddress, CancellationToken cancellationToken)
    {
        var properties = new JsonObject
        {
            ["TTL"] = Ttl,
            ["ARecords"] = new JsonArray(new JsonObject { ["ipv4Address"] = ipAddress }),
        };

        // A PUT, not get-or-create: a record left from an earlier attempt may point at an address that changed.
        return resources.PutAsync(RecordId(zoneId, relativeName), Global, properties, cancellationToken);
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

    public Task DeleteARecordAsync(string zoneId, string relativeName, CancellationToken cancellationToken) =>
        resources.DeleteAsync(RecordId(zoneId, relativeName), cancellationToken);

    private static ResourceIdentifier RecordId(string zoneId, string relativeName) => new($"{zoneId}/A/{relativeName}");
}
