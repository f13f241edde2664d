namespace Aro.Cloud.Dns;

/// <summary>
/// The RP's DNS zone. Every record set the RP writes names the cluster it belongs to (its <c>metadata</c>), and the
/// RP changes or deletes only a record set that names the same cluster, so one cluster can never take over or
/// remove another cluster's records, whatever its documents say.
/// </summary>
public interface IDnsZones
{
    /// <summary>Creates the zone unless it exists.</summary>
    Task EnsureZoneAsync(string zoneId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the record set <paramref name="relativeName"/> (e.g. <c>api.mycluster</c>, <c>*.apps.mycluster</c>) hold
    /// exactly <paramref name="ipAddress"/> for <paramref name="owner"/> (a cluster resource id). Returns false, and
    /// changes nothing, when the record set exists and belongs to another owner or to none.
    /// </summary>
    Task<bool> SetARecordAsync(string zoneId, string relativeName, string ipAddress, string owner, CancellationToken cancellationToken);

    /// <summary>The addresses of the record set, or null when it (or the zone) does not exist.</summary>
    Task<IReadOnlyList<string>?> GetARecordAsync(string zoneId, string relativeName, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the record set when it belongs to <paramref name="owner"/>; succeeds when it (or the zone) is already
    /// gone. Returns false, and leaves the record set, when it belongs to another owner or to none.
    /// </summary>
    Task<bool> DeleteARecordAsync(string zoneId, string relativeName, string owner, CancellationToken cancellationToken);
}
