namespace Aro.Api.Model;

/// <summary>
/// Who created and last changed a resource, and when, as ARM tells the RP in the x-ms-arm-resource-system-data
/// header of every write. Kept on the internal model; no api-version served today defines systemData, so none
/// returns it (a later version whose swagger has it will).
/// </summary>
public sealed class SystemData
{
    public string? CreatedBy { get; set; }

    /// <summary>User, Application, ManagedIdentity or Key.</summary>
    public string? CreatedByType { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public string? LastModifiedBy { get; set; }

    public string? LastModifiedByType { get; set; }

    public DateTimeOffset? LastModifiedAt { get; set; }
}
