using System.Security.Cryptography;
using System.Text;
using Aro.Api.Model;
using Aro.Api.Resources;

namespace Aro.Cloud.Clusters;

/// <summary>
/// The deterministic names of everything a cluster owns in its resource group, all prefixed with its
/// infra id, so every step and every retry of it finds what an earlier attempt created.
/// </summary>
public sealed class ClusterResourceNames
{
    private ClusterResourceNames(string infraId, string resourceGroupId)
    {
        InfraId = infraId;
        ResourceGroupId = resourceGroupId;
    }

    public string InfraId { get; }

    /// <summary>The cluster resource group (clusterProfile.resourceGroupId).</summary>
    public string ResourceGroupId { get; }

    /// <summary>The cluster resource group's name.</summary>
    public string ResourceGroupName => ResourceId.Parse(ResourceGroupId).Name;

    /// <summary>The public IP of the API server, behind the public load balancer.</summary>
    public string ApiPublicIp => $"{InfraId}-pip-v4";

    /// <summary>The public IP of the default ingress controller.</summary>
    public string IngressPublicIp => $"{InfraId}-default-v4";

    public string PublicLoadBalancer => $"{InfraId}-public-lb";

    public string BootstrapVm => $"{InfraId}-bootstrap";

    public string BootstrapNic => $"{InfraId}-bootstrap-nic";

    public static int MasterCount => 3;

    public string MasterVm(int index) => $"{InfraId}-master-{index}";

    public string MasterNic(int index) => $"{InfraId}-master{index}-nic";

    public string WorkerMachineSet(string location) => $"{InfraId}-worker-{location}";

    /// <summary>
    /// The storage account holding the Ignition configs: <c>cluster</c> and 10 characters derived from the
    /// cluster resource group id (account names are global, lower-case alphanumerics, at most 24 long).
    /// </summary>
    public string StorageAccount => StorageAccountFor(ResourceGroupId);

    /// <summary>The name of <see cref="StorageAccount"/> for the cluster resource group <paramref name="resourceGroupId"/>.</summary>
    public static string StorageAccountFor(string resourceGroupId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(resourceGroupId.ToLowerInvariant()));
        return "cluster" + Convert.ToHexStringLower(hash)[..10];
    }

    public static string IgnitionContainer => "ignition";

    /// <summary>The cluster's InfraId when the backend has recorded one, else the one derived from its resource id (they are the same).</summary>
    public static ClusterResourceNames For(OpenShiftCluster cluster) =>
        new(cluster.Properties.InfraId ?? Aro.Api.Resources.InfraId.For(cluster.Id), cluster.Properties.ClusterProfile.ResourceGroupId);
}
