using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Versioning;

namespace Aro.Api.Tests.TestData;

/// <summary>A valid cluster request and a matching stored cluster; every call returns fresh objects.</summary>
public static class ClusterFixture
{
    public const string SubscriptionId = "af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1";
    public const string OtherSubscriptionId = "c5b8f2a4-3d0e-4c1b-9a77-1f2e3d4c5b6a";
    public const string Location = "eastus";
    public const string ClientId = "2f3a9b1c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    public const string ClientSecret = "client-secret";
    public const string PullSecret = "{\"auths\":{\"registry.redhat.io\":{\"auth\":\"c2VjcmV0\"}}}";
    public const string ResourceId = "/subscriptions/" + SubscriptionId + "/resourceGroups/resourceGroup/providers/Microsoft.RedHatOpenShift/openShiftClusters/resourceName";
    public const string ClusterResourceGroupId = "/subscriptions/" + SubscriptionId + "/resourceGroups/clusterResourceGroup";
    public const string VnetId = "/subscriptions/" + SubscriptionId + "/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet";
    public const string MasterSubnetId = VnetId + "/subnets/master";
    public const string WorkerSubnetId = VnetId + "/subnets/worker";

    public static StaticValidationContext CreateContext() => new(ResourceId, Location, null);

    public static StaticValidationContext UpdateContext(OpenShiftCluster existing) => new(ResourceId, Location, existing);

    /// <summary>A complete, valid create request body in the external form both versions share.</summary>
    public static JsonObject ValidBody() => new()
    {
        ["id"] = ResourceId,
        ["name"] = "resourceName",
        ["type"] = "Microsoft.RedHatOpenShift/openShiftClusters",
        ["location"] = Location,
        ["tags"] = new JsonObject { ["key"] = "value" },
        ["properties"] = new JsonObject
        {
            ["clusterProfile"] = new JsonObject
            {
                ["pullSecret"] = PullSecret,
                ["domain"] = "cluster",
                ["resourceGroupId"] = ClusterResourceGroupId,
            },
            ["servicePrincipalProfile"] = new JsonObject
            {
                ["clientId"] = ClientId,
                ["clientSecret"] = ClientSecret,
            },
            ["networkProfile"] = new JsonObject
            {
                ["podCidr"] = "10.128.0.0/14",
                ["serviceCidr"] = "172.30.0.0/16",
            },
            ["masterProfile"] = new JsonObject
            {
                ["vmSize"] = "Standard_D8s_v3",
                ["subnetId"] = MasterSubnetId,
            },
            ["workerProfiles"] = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = "worker",
                    ["vmSize"] = "Standard_D4s_v3",
                    ["diskSizeGB"] = 128,
                    ["subnetId"] = WorkerSubnetId,
                    ["count"] = 3,
                },
            },
            ["apiserverProfile"] = new JsonObject { ["visibility"] = "Public" },
            ["ingressProfiles"] = new JsonArray
            {
                new JsonObject { ["name"] = "default", ["visibility"] = "Public" },
            },
        },
    };

    /// <summary>The stored cluster <see cref="ValidBody"/> became once provisioned.</summary>
    public static OpenShiftCluster Existing() => new()
    {
        Id = ResourceId,
        Name = "resourceName",
        Type = "Microsoft.RedHatOpenShift/openShiftClusters",
        Location = Location,
        Tags = new Dictionary<string, string> { ["key"] = "value" },
        Properties = new OpenShiftClusterProperties
        {
            ProvisioningState = ProvisioningState.Succeeded,
            ClusterProfile = new ClusterProfile
            {
                PullSecret = PullSecret,
                Domain = "cluster",
                Version = "4.3.0",
                ResourceGroupId = ClusterResourceGroupId,
            },
            ConsoleProfile = new ConsoleProfile { Url = "https://console-openshift-console.apps.cluster.eastus.aroapp.io/" },
            ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = ClientId, ClientSecret = ClientSecret },
            NetworkProfile = new NetworkProfile { PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" },
            MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3", SubnetId = MasterSubnetId },
            WorkerProfiles =
            [
                new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, SubnetId = WorkerSubnetId, Count = 3 },
            ],
            ApiServerProfile = new ApiServerProfile { Visibility = "Public", Url = "https://api.cluster.eastus.aroapp.io:6443/", Ip = "1.2.3.4" },
            IngressProfiles = [new IngressProfile { Name = "default", Visibility = "Public", Ip = "1.2.3.5" }],
            Credentials = new ClusterCredentials { KubeadminPassword = "kubeadmin-password", AdminKubeconfig = "kubeconfig" },
        },
    };

    public static JsonObject Properties(this JsonObject body) => body["properties"]!.AsObject();

    public static JsonObject Worker(this JsonObject body) => body.Properties()["workerProfiles"]![0]!.AsObject();

    public static JsonObject Ingress(this JsonObject body) => body.Properties()["ingressProfiles"]![0]!.AsObject();

    public static JsonObject Profile(this JsonObject body, string name) => body.Properties()[name]!.AsObject();
}
