namespace Aro.Api.Resources;

/// <summary>The operations the external api-versions list, in the reference RP's order.</summary>
public static class ResourceProviderOperations
{
    public static IReadOnlyList<ResourceProviderOperation> All { get; } =
    [
        new(ResourceProvider.Namespace + "/locations/operationresults/read", "locations/operationresults", "Read operation results",
            "Reads the result of an asynchronous operation on an OpenShift cluster."),
        new(ResourceProvider.Namespace + "/locations/operationsstatus/read", "locations/operationsstatus", "Read operations status",
            "Reads the status of an asynchronous operation on an OpenShift cluster."),
        new(ResourceProvider.Namespace + "/operations/read", "operations", "Read operations",
            "Lists the operations of the Azure Red Hat OpenShift resource provider."),
        new(ResourceProvider.OpenShiftClusterResourceType + "/read", ResourceProvider.OpenShiftClustersType, "Read OpenShift cluster",
            "Gets an OpenShift cluster, or lists the OpenShift clusters of a resource group or subscription."),
        new(ResourceProvider.OpenShiftClusterResourceType + "/write", ResourceProvider.OpenShiftClustersType, "Write OpenShift cluster",
            "Creates or updates an OpenShift cluster."),
        new(ResourceProvider.OpenShiftClusterResourceType + "/delete", ResourceProvider.OpenShiftClustersType, "Delete OpenShift cluster",
            "Deletes an OpenShift cluster."),
        new(ResourceProvider.OpenShiftClusterResourceType + "/listCredentials/action", ResourceProvider.OpenShiftClustersType, "List credentials of an OpenShift cluster",
            "Lists the kubeadmin credentials of an OpenShift cluster."),
    ];
}
