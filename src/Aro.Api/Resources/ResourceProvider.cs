namespace Aro.Api.Resources;

/// <summary>Names that identify this resource provider to ARM.</summary>
public static class ResourceProvider
{
    public const string Namespace = "Microsoft.RedHatOpenShift";

    public const string OpenShiftClustersType = "openShiftClusters";

    /// <summary>The resource type as written in resource ids and "type" fields.</summary>
    public const string OpenShiftClusterResourceType = Namespace + "/" + OpenShiftClustersType;
}
