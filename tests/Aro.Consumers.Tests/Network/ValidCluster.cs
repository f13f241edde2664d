using Aro.Api.Model;
using Aro.Testing.Clusters;

namespace Aro.Consumers.Tests.Network;

/// <summary>
/// A valid cluster being created, with a managed domain, in a customer vnet with a master and a worker subnet, and a
/// service principal the local cloud does not know (so it holds Network Contributor everywhere, see docs/local-cloud.md).
/// </summary>
public static class ValidCluster
{
    public const string SubscriptionId = "4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70";
    public const string ResourceId = $"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/mycluster";
    public const string VnetResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/vnet-rg";
    public const string VnetId = $"{VnetResourceGroupId}/providers/Microsoft.Network/virtualNetworks/vnet";
    public const string MasterSubnetId = $"{VnetId}/subnets/master";
    public const string WorkerSubnetId = $"{VnetId}/subnets/worker";
    public const string MasterCidr = "10.0.0.0/23";
    public const string WorkerCidr = "10.0.2.0/23";
    public const string ClusterResourceGroupName = "aro-mycluster";
    public const string ClusterResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/{ClusterResourceGroupName}";
    public const string Location = "eastus";
    public const string TenantId = "8d3c5a2e-6f1b-4c7d-9e0a-1b2c3d4e5f60";
    public const string ClientId = "3f9e7d5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    public const string ClientSecret = "cluster-sp-secret";

    /// <summary>The cluster's PKI as the Ignition step makes it (the masters' pointer configs trust its root CA); issued once, RSA keys are slow.</summary>
    public static readonly ClusterPki Pki = new Aro.Consumers.Pki.ClusterPkiIssuer(TimeProvider.System).Issue("mycluster.aro.localhost");

    public static OpenShiftCluster New(string domain = "mycluster", int workers = 3)
    {
        var cluster = ValidClusterModel.New(ResourceId, Location, domain, ClusterResourceGroupId, VnetId, version: "4.15.27", workers);
        cluster.Properties.Pki = Pki;
        cluster.Properties.ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = ClientId, ClientSecret = ClientSecret };
        return cluster;
    }
}
