using System.Net;
using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Cloud;
using Aro.Cloud.Network;
using Aro.Consumers.Clusters;
using Aro.Consumers.ServicePrincipals;
using Azure;

namespace Aro.Consumers.Network;

/// <summary>
/// The reference RP's dynamic subnet checks: the master and worker subnets exist, share one virtual network,
/// are /27 or larger and (on create) carry no network security group; and the master, worker, pod and
/// service CIDRs do not overlap. On create it also checks, before anything is created, that the cluster resource
/// group does not exist yet (or is the cluster's own, from an earlier attempt): it is the create's first step. Once the
/// subnets are known good, the cluster's service principal must sign in and hold its rights on the vnet and the
/// subnets' route tables (<see cref="IServicePrincipalValidator"/>), before anything is done with it.
/// </summary>
public sealed class NetworkValidator(
    IClusterDocuments documents,
    IVirtualNetworks virtualNetworks,
    ClusterResourceGroup clusterResourceGroup,
    IServicePrincipalValidator servicePrincipal) : INetworkValidator
{
    private const int SmallestSubnetPrefixLength = 27;

    public async Task<StepOutcome> ValidateAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return supersession!;
        }

        var error = await ValidateAsync(stored.Cluster, cancellationToken);
        if (error is null && stored.Cluster.Properties.ProvisioningState == ProvisioningState.Creating)
        {
            error = await clusterResourceGroup.CheckAsync(stored.Cluster, cancellationToken);
        }

        return error is null ? StepOutcome.Done : StepOutcome.Failed(error);
    }

    private async Task<CloudErrorBody?> ValidateAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        var properties = cluster.Properties;
        var masterSubnetId = properties.MasterProfile.SubnetId;
        var subnetIds = new[] { masterSubnetId }
            .Concat(properties.WorkerProfiles.Select(w => w.SubnetId))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

        var subnets = new List<Subnet>();
        foreach (var subnetId in subnetIds)
        {
            var (subnet, error) = await ReadAsync(subnetId, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            error = CheckSubnet(subnet!, subnetId, isCreate: properties.ProvisioningState == ProvisioningState.Creating);
            if (error is not null)
            {
                return error;
            }

            subnets.Add(subnet!);
        }

        var networkError = CheckSameVirtualNetwork(masterSubnetId, subnetIds) ?? CheckOverlaps(properties, subnetIds, subnets);
        if (networkError is not null)
        {
            return networkError;
        }

        var vnetId = ResourceId.Parse(masterSubnetId).Parent!.Id;
        var routeTableIds = subnets.Select(s => s.RouteTableId).OfType<string>().ToArray();
        return await servicePrincipal.ValidateAsync(cluster, vnetId, routeTableIds, cancellationToken);
    }

    private async Task<(Subnet? Subnet, CloudErrorBody? Error)> ReadAsync(string subnetId, CancellationToken cancellationToken)
    {
        if (!ResourceId.TryParse(subnetId, out var parsed) || !string.Equals(parsed.ResourceType, "Microsoft.Network/virtualNetworks/subnets", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Invalid(subnetId, $"The provided subnet '{subnetId}' is invalid: must be a subnet resource id."));
        }

        try
        {
            var subnet = await virtualNetworks.GetSubnetAsync(subnetId, cancellationToken);
            return subnet is null
                ? (null, Invalid(subnetId, $"The provided subnet '{subnetId}' could not be found."))
                : (subnet, null);
        }
        catch (RequestFailedException e) when (e.IsPermanent())
        {
            // Typically 403: the RP may not read the customer's vnet, which the customer has to fix.
            return (null, Invalid(subnetId, $"The provided subnet '{subnetId}' could not be read: {e.ToCloudError(subnetId).Message}"));
        }
    }

    private static CloudErrorBody? CheckSubnet(Subnet subnet, string subnetId, bool isCreate)
    {
        if (isCreate && subnet.NetworkSecurityGroupId is not null)
        {
            return Invalid(subnetId, $"The provided subnet '{subnetId}' is invalid: must not have a network security group attached.");
        }

        if (subnet.AddressPrefixes.Count == 0)
        {
            return Invalid(subnetId, $"The provided subnet '{subnetId}' is invalid: it has no address prefix.");
        }

        foreach (var prefix in subnet.AddressPrefixes)
        {
            if (!IPNetwork.TryParse(prefix, out var network))
            {
                return Invalid(subnetId, $"The provided subnet '{subnetId}' is invalid: its address prefix '{prefix}' is not a CIDR.");
            }

            if (network.PrefixLength > SmallestSubnetPrefixLength)
            {
                return Invalid(subnetId, $"The provided subnet '{subnetId}' is invalid: must be /{SmallestSubnetPrefixLength} or larger.");
            }
        }

        return null;
    }

    private static CloudErrorBody? CheckSameVirtualNetwork(string masterSubnetId, IEnumerable<string> subnetIds)
    {
        var masterVnet = ResourceId.Parse(masterSubnetId).Parent!.Id;
        foreach (var subnetId in subnetIds)
        {
            if (!string.Equals(ResourceId.Parse(subnetId).Parent!.Id, masterVnet, StringComparison.OrdinalIgnoreCase))
            {
                return Invalid(subnetId, $"The provided subnet '{subnetId}' is invalid: must be in the same virtual network as the master subnet '{masterSubnetId}'.");
            }
        }

        return null;
    }

    private static CloudErrorBody? CheckOverlaps(OpenShiftClusterProperties properties, IReadOnlyList<string> subnetIds, IReadOnlyList<Subnet> subnets)
    {
        // Each range with the target an overlap is reported against: the subnet, or the network profile field.
        var ranges = new List<(string Cidr, string Target)>();
        for (var i = 0; i < subnets.Count; i++)
        {
            ranges.AddRange(subnets[i].AddressPrefixes.Select(p => (p, subnetIds[i])));
        }

        ranges.Add((properties.NetworkProfile.PodCidr, "properties.networkProfile.podCidr"));
        ranges.Add((properties.NetworkProfile.ServiceCidr, "properties.networkProfile.serviceCidr"));

        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                if (!IPNetwork.TryParse(ranges[i].Cidr, out var a) || !IPNetwork.TryParse(ranges[j].Cidr, out var b))
                {
                    continue;
                }

                if (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress))
                {
                    // Point at a subnet when one is involved; two network profile ranges point at the later one.
                    var target = !ResourceId.TryParse(ranges[j].Target, out _) && ResourceId.TryParse(ranges[i].Target, out _)
                        ? ranges[i].Target
                        : ranges[j].Target;
                    return Invalid(target, $"The provided CIDRs must not overlap: '{ranges[i].Cidr}' and '{ranges[j].Cidr}'.");
                }
            }
        }

        return null;
    }

    private static CloudErrorBody Invalid(string target, string message) => new(CloudErrorCodes.InvalidLinkedVNet, message, target);
}
