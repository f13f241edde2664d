using Aro.Api.Model;

namespace Aro.Frontend.Clusters;

/// <summary>
/// How a write's systemData combines with what is stored: the creation fields are the first write's and never
/// change; the last-modified fields are this write's. A write without the header changes nothing.
/// </summary>
internal static class ClusterSystemData
{
    public static SystemData? Merge(SystemData? stored, SystemData? incoming)
    {
        if (incoming is null)
        {
            return stored;
        }

        var created = stored?.CreatedAt is not null || stored?.CreatedBy is not null ? stored : incoming;
        return new SystemData
        {
            CreatedBy = created.CreatedBy,
            CreatedByType = created.CreatedByType,
            CreatedAt = created.CreatedAt,
            LastModifiedBy = incoming.LastModifiedBy,
            LastModifiedByType = incoming.LastModifiedByType,
            LastModifiedAt = incoming.LastModifiedAt,
        };
    }
}
