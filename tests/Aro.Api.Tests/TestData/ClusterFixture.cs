using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Versioning;
using Aro.Testing.Clusters;

namespace Aro.Api.Tests.TestData;

/// <summary>A valid cluster request and a matching stored cluster; every call returns fresh objects.</summary>
public static class ClusterFixture
{
    public const string SubscriptionId = "af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1";
    public const string OtherSubscriptionId = "c5b8f2a4-3d0e-4c1b-9a77-1f2e3d4c5b6a";
    public const string Location = "eastus";
    public const string ClientId = "2f3a9b1c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    public const string ClientSecret = "client-secret";
    public const string PullSecret = ValidClusterRequest.PullSecret;
    public const string ResourceId = "/subscriptions/" + SubscriptionId + "/resourceGroups/resourceGroup/providers/Microsoft.RedHatOpenShift/openShiftClusters/resourceName";
    public const string ClusterResourceGroupId = "/subscriptions/" + SubscriptionId + "/resourceGroups/clusterResourceGroup";
    public const string VnetId = "/subscriptions/" + SubscriptionId + "/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet";
    public const string MasterSubnetId = VnetId + "/subnets/master";
    public const string WorkerSubnetId = VnetId + "/subnets/worker";

    public static StaticValidationContext CreateContext() => new(ResourceId, Location, null);

    public static StaticValidationContext UpdateContext(OpenShiftCluster existing) => new(ResourceId, Location, existing);

    /// <summary>A complete, valid create request body in the external form both versions share.</summary>
    public static JsonObject ValidBody()
    {
        var body = ValidClusterRequest.Body(
            SubscriptionId,
            Location,
            tags: new JsonObject { ["key"] = "value" },
            domain: "cluster",
            ClusterResourceGroupId,
            ClientId,
            ClientSecret);
        body.Insert(0, "id", ResourceId);
        body.Insert(1, "name", "resourceName");
        body.Insert(2, "type", "Microsoft.RedHatOpenShift/openShiftClusters");
        return body;
    }

    /// <summary>The stored cluster <see cref="ValidBody"/> became once provisioned.</summary>
    public static OpenShiftCluster Existing()
    {
        var cluster = ValidClusterModel.New(ResourceId, Location, domain: "cluster", ClusterResourceGroupId, VnetId, version: "4.3.0");
        cluster.Tags = new Dictionary<string, string> { ["key"] = "value" };
        var properties = cluster.Properties;
        properties.ProvisioningState = ProvisioningState.Succeeded;
        properties.ClusterProfile.PullSecret = PullSecret;
        properties.ConsoleProfile = new ConsoleProfile { Url = "https://console-openshift-console.apps.cluster.eastus.aroapp.io/" };
        properties.ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = ClientId, ClientSecret = ClientSecret };
        properties.ApiServerProfile.Url = "https://api.cluster.eastus.aroapp.io:6443/";
        properties.ApiServerProfile.Ip = "1.2.3.4";
        properties.IngressProfiles[0].Ip = "1.2.3.5";
        properties.Credentials = new ClusterCredentials { KubeadminPassword = "kubeadmin-password", AdminKubeconfig = "kubeconfig" };
        return cluster;
    }

    public static JsonObject Properties(this JsonObject body) => body["properties"]!.AsObject();

    public static JsonObject Worker(this JsonObject body) => body.Properties()["workerProfiles"]![0]!.AsObject();

    public static JsonObject Ingress(this JsonObject body) => body.Properties()["ingressProfiles"]![0]!.AsObject();

    public static JsonObject Profile(this JsonObject body, string name) => body.Properties()[name]!.AsObject();
}
