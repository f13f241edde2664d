namespace Aro.Cloud.Dns;

/// <summary>Public DNS zones and their A record sets, by zone id (<c>.../providers/Microsoft.Network/dnszones/{zone}</c>).</summary>
public interface IDnsZones
{
    /// <summary>Creates the zone unless it exists.</summary>
    Task EnsureZoneAsync(string zoneId, CancellationToken cancellationToken);

    /// <summary>Makes the record set <paramref name="relativeName"/> (e.g. <c>api.mycluster</c>, <c>*.apps.mycluster</c>) hold exactly <paramref name="ipAddress"/>.</summary>
    Task SetARecordAsync(string zoneId, string relativeName, string ipAddress, CancellationToken cancellationToken);

    /// <summary>The addresses of the record set, or null when it (or the zone) does not exist.</summary>
    Task<IReadOnlyList<string>?> GetARecordAsync(string zoneId, string relativeName, CancellationToken cancellationToken);

    /// <summary>Deletes the record set; succeeds when it (or the zone) is already gone.</summary>
    Task DeleteARecordAsync(string zoneId, string relativeName, CancellationToken cancellationToken);
}
