using Aro.Api.Model;

namespace Aro.Testing.Clusters;

/// <summary>
/// A valid cluster in the internal model as the frontend stores it on create, before the backend has touched it:
/// every profile a create request must carry, in the customer's vnet. Each call returns a fresh object.
/// </summary>
public static class ValidClusterModel
{
    public static OpenShiftCluster New(
        string resourceId,
        string location,
        string domain,
        string clusterResourceGroupId,
        string vnetId,
        string version,
        int workers = 3) => new()
        {
            Id = resourceId,
            Name = resourceId[(resourceId.LastIndexOf('/') + 1)..],
            Type = "Microsoft.RedHatOpenShift/openShiftClusters",
            Location = location,
            Properties = new OpenShiftClusterProperties
            {
                ProvisioningState = ProvisioningState.Creating,
                ClusterProfile = new ClusterProfile { Domain = domain, Version = version, ResourceGroupId = clusterResourceGroupId },
                NetworkProfile = new NetworkProfile { PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" },
                MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3", SubnetId = vnetId + "/subnets/master" },
                WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, SubnetId = vnetId + "/subnets/worker", Count = workers }],
                ApiServerProfile = new ApiServerProfile { Visibility = "Public" },
                IngressProfiles = [new IngressProfile { Name = "default", Visibility = "Public" }],
            },
        };
}
