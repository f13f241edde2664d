namespace Aro.Api.Resources;

/// <summary>The operations the external api-versions list, in the reference RP's order.</summary>
public static class ResourceProviderOperations
{
    public static IReadOnlyList<ResourceProviderOperation> All { get; } =
    [
        new(ResourceProvider.Namespace + "/locations/operationresults/read", "locations/operationresults", "Read operation results"),
        new(ResourceProvider.Namespace + "/locations/operationsstatus/read", "locations/operationsstatus", "Read operations status"),
        new(ResourceProvider.Namespace + "/operations/read", "operations", "Read operations"),
        new(ResourceProvider.OpenShiftClusterResourceType + "/read", ResourceProvider.OpenShiftClustersType, "Read OpenShift cluster"),
        new(ResourceProvider.OpenShiftClusterResourceType + "/write", ResourceProvider.OpenShiftClustersType, "Write OpenShift cluster"),
        new(ResourceProvider.OpenShiftClusterResourceType + "/delete", ResourceProvider.OpenShiftClustersType, "Delete OpenShift cluster"),
        new(ResourceProvider.OpenShiftClusterResourceType + "/listCredentials/action", ResourceProvider.OpenShiftClustersType, "List credentials of an OpenShift cluster"),
    ];
}
