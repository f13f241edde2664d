using Aro.Api.Model;
using Aro.Cloud;
using Aro.Consumers.Tests.Network;
using Aro.Testing.Clusters;

namespace Aro.Consumers.Tests.Pki;

/// <summary>A valid cluster as the frontend stores it before the backend has touched it, with a fully qualified domain and a pull secret.</summary>
internal static class TestClusters
{
    public const string ResourceId = "/subscriptions/4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/My_Cluster";
    public const string Domain = "mycluster.aro.localhost";
    public const string RpZone = "aro.localhost";
    public const string ClusterResourceGroupId = "/subscriptions/4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70/resourceGroups/aro-mycluster";
    public const string PullSecret = """{"auths":{"registry.example.com":{"auth":"dXNlcjpzM2NyZXQ="}}}""";

    /// <summary>Sets the RP's zone, which completes managed (dot-less) domains.</summary>
    public static void ConfigureCloud(CloudOptions options) => options.Domain = RpZone;

    public static OpenShiftCluster New(string resourceId = ResourceId)
    {
        var cluster = ValidClusterModel.New(resourceId, "eastus", Domain, ClusterResourceGroupId, ValidCluster.VnetId, version: "4.3.0");
        cluster.Properties.ClusterProfile.PullSecret = PullSecret;
        return cluster;
    }
}
