using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;
using Aro.Consumers.Clusters;
using Aro.Consumers.Network;
using Aro.Consumers.ServicePrincipals;

namespace Aro.Consumers.Tests.Network;

public sealed class NetworkValidatorTests
{
    private const string OtherVnetSubnetId = $"{ValidCluster.VnetResourceGroupId}/providers/Microsoft.Network/virtualNetworks/other/subnets/worker";

    public static TheoryData<string, Action<OpenShiftCluster, Dictionary<string, Subnet>>, string?, string?> Cases => new()
    {
        { "valid", (_, _) => { }, null, null },
        {
            "master subnet missing",
            (_, subnets) => subnets.Remove(ValidCluster.MasterSubnetId),
            ValidCluster.MasterSubnetId,
            $"The provided subnet '{ValidCluster.MasterSubnetId}' could not be found."
        },
        {
            "worker subnet missing",
            (_, subnets) => subnets.Remove(ValidCluster.WorkerSubnetId),
            ValidCluster.WorkerSubnetId,
            $"The provided subnet '{ValidCluster.WorkerSubnetId}' could not be found."
        },
        {
            "master subnet has an NSG on create",
            (_, subnets) => subnets[ValidCluster.MasterSubnetId] = subnets[ValidCluster.MasterSubnetId] with { NetworkSecurityGroupId = ValidCluster.VnetResourceGroupId + "/providers/Microsoft.Network/networkSecurityGroups/nsg" },
            ValidCluster.MasterSubnetId,
            $"The provided subnet '{ValidCluster.MasterSubnetId}' is invalid: must not have a network security group attached."
        },
        {
            "an NSG is fine after create",
            (cluster, subnets) =>
            {
                cluster.Properties.ProvisioningState = ProvisioningState.Updating;
                subnets[ValidCluster.MasterSubnetId] = subnets[ValidCluster.MasterSubnetId] with { NetworkSecurityGroupId = ValidCluster.VnetResourceGroupId + "/providers/Microsoft.Network/networkSecurityGroups/nsg" };
            },
            null,
            null
        },
        {
            "worker subnet smaller than /27",
            (_, subnets) => subnets[ValidCluster.WorkerSubnetId] = subnets[ValidCluster.WorkerSubnetId] with { AddressPrefixes = ["10.0.2.0/28"] },
            ValidCluster.WorkerSubnetId,
            $"The provided subnet '{ValidCluster.WorkerSubnetId}' is invalid: must be /27 or larger."
        },
        {
            "a /27 is large enough",
            (_, subnets) => subnets[ValidCluster.WorkerSubnetId] = subnets[ValidCluster.WorkerSubnetId] with { AddressPrefixes = ["10.0.2.0/27"] },
            null,
            null
        },
        {
            "worker subnet in another vnet",
            (cluster, subnets) =>
            {
                cluster.Properties.WorkerProfiles[0].SubnetId = OtherVnetSubnetId;
                subnets[OtherVnetSubnetId] = new Subnet(OtherVnetSubnetId, ["10.1.0.0/24"], null);
            },
            OtherVnetSubnetId,
            $"The provided subnet '{OtherVnetSubnetId}' is invalid: must be in the same virtual network as the master subnet '{ValidCluster.MasterSubnetId}'."
        },
        {
            "master and worker subnets overlap",
            (_, subnets) => subnets[ValidCluster.WorkerSubnetId] = subnets[ValidCluster.WorkerSubnetId] with { AddressPrefixes = ["10.0.1.0/24"] },
            ValidCluster.WorkerSubnetId,
            "The provided CIDRs must not overlap: '10.0.0.0/23' and '10.0.1.0/24'."
        },
        {
            "pod CIDR overlaps the master subnet",
            (cluster, _) => cluster.Properties.NetworkProfile.PodCidr = "10.0.0.0/14",
            ValidCluster.MasterSubnetId,
            "The provided CIDRs must not overlap: '10.0.0.0/23' and '10.0.0.0/14'."
        },
        {
            "service CIDR overlaps the worker subnet",
            (cluster, _) => cluster.Properties.NetworkProfile.ServiceCidr = "10.0.2.0/24",
            ValidCluster.WorkerSubnetId,
            "The provided CIDRs must not overlap: '10.0.2.0/23' and '10.0.2.0/24'."
        },
        {
            "pod and service CIDRs overlap",
            (cluster, _) => cluster.Properties.NetworkProfile.ServiceCidr = "10.130.0.0/16",
            "properties.networkProfile.serviceCidr",
            "The provided CIDRs must not overlap: '10.128.0.0/14' and '10.130.0.0/16'."
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validates_the_network(string name, Action<OpenShiftCluster, Dictionary<string, Subnet>> change, string? target, string? message)
    {
        var cluster = ValidCluster.New();
        var subnets = new Dictionary<string, Subnet>(StringComparer.OrdinalIgnoreCase)
        {
            [ValidCluster.MasterSubnetId] = new(ValidCluster.MasterSubnetId, [ValidCluster.MasterCidr], null),
            [ValidCluster.WorkerSubnetId] = new(ValidCluster.WorkerSubnetId, [ValidCluster.WorkerCidr], null),
        };
        change(cluster, subnets);
        var validator = new NetworkValidator(new InMemoryClusters(cluster), new FakeVirtualNetworks(subnets), new ClusterResourceGroup(new NoResourceGroups()), new AcceptedServicePrincipal());

        var error = (await validator.ValidateAsync(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None)).Error;

        if (message is null)
        {
            Assert.Null(error);
            return;
        }

        Assert.Equal(new CloudErrorBody(CloudErrorCodes.InvalidLinkedVNet, message, target), error);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task A_deleted_cluster_is_reported_as_not_found()
    {
        var validator = new NetworkValidator(new InMemoryClusters(), new FakeVirtualNetworks([]), new ClusterResourceGroup(new NoResourceGroups()), new AcceptedServicePrincipal());

        var error = (await validator.ValidateAsync(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None)).Error;

        Assert.Equal(CloudErrorCodes.ResourceNotFound, error?.Code);
    }

    private sealed class FakeVirtualNetworks(Dictionary<string, Subnet> subnets) : IVirtualNetworks
    {
        public Task<Subnet?> GetSubnetAsync(string subnetId, CancellationToken cancellationToken) =>
            Task.FromResult(subnets.GetValueOrDefault(subnetId));
    }

    /// <summary>The service principal's own checks are <see cref="ServicePrincipals.ServicePrincipalValidatorTests"/>' business.</summary>
    private sealed class AcceptedServicePrincipal : IServicePrincipalValidator
    {
        public Task<CloudErrorBody?> ValidateAsync(OpenShiftCluster cluster, string vnetId, IReadOnlyCollection<string> routeTableIds, CancellationToken cancellationToken) =>
            Task.FromResult<CloudErrorBody?>(null);
    }

    /// <summary>A subscription without resource groups: the cluster resource group is never in the way.</summary>
    private sealed class NoResourceGroups : IResourceGroups
    {
        public Task EnsureAsync(string resourceGroupId, string location, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation creates nothing.");

        public Task CreateOrUpdateAsync(string resourceGroupId, string location, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation creates nothing.");

        public Task<bool> ExistsAsync(string resourceGroupId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<ResourceGroup?> GetAsync(string resourceGroupId, CancellationToken cancellationToken) => Task.FromResult<ResourceGroup?>(null);

        public Task DeleteAsync(string resourceGroupId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation deletes nothing.");
    }
}
