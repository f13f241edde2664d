namespace Aro.Api.Model;

/// <summary>
/// The internal, version-independent representation of an Azure Red Hat OpenShift cluster.
/// Every api-version converts to and from this type; it is what the store persists.
/// </summary>
public sealed class OpenShiftCluster
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Location { get; set; } = "";

    public Dictionary<string, string>? Tags { get; set; }

    public OpenShiftClusterProperties Properties { get; set; } = new();

    /// <summary>ARM's record of who created and last changed the cluster; null for clusters written without it.</summary>
    public SystemData? SystemData { get; set; }
}
