using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Cloud.Dns;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;
using Aro.Consumers.Clusters;
using Azure;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Dns;

/// <summary>
/// For a managed domain <c>x</c>: the cluster resource group, the API and ingress public IPs, and the A records
/// <c>api.x</c>, <c>api-int.x</c> (the API IP) and <c>*.apps.x</c> (the ingress IP) in the RP's zone. The local
/// cloud starts empty, so there the RP's zone (and its group) are created when missing.
/// </summary>
public sealed class ClusterDns(
    IClusterDocuments documents,
    IResourceGroups resourceGroups,
    ClusterResourceGroup clusterResourceGroup,
    IPublicIpAddresses publicIps,
    IDnsZones zones,
    IOptions<CloudOptions> options) : IClusterDns
{
    private readonly CloudOptions _options = options.Value;

    public async Task<StepOutcome> ConfigureAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return supersession!;
        }

        var cluster = stored.Cluster;
        var domain = ClusterDomain.For(cluster, _options);
        if (!domain.IsManaged)
        {
            return StepOutcome.Done;
        }

        var names = ClusterResourceNames.For(cluster);
        var zoneId = _options.DnsZoneId;
        try
        {
            if (await clusterResourceGroup.EnsureAsync(cluster, cancellationToken) is { } notOwned)
            {
                return StepOutcome.Failed(notOwned);
            }

            var api = await publicIps.EnsureAsync(names.ResourceGroupId, names.ApiPublicIp, cluster.Location, cancellationToken);
            var ingress = await publicIps.EnsureAsync(names.ResourceGroupId, names.IngressPublicIp, cluster.Location, cancellationToken);
            if (_options.IsLocal)
            {
                await resourceGroups.EnsureAsync(_options.DnsZoneResourceGroupId, _options.Location, tags: null, cancellationToken);
                await zones.EnsureZoneAsync(zoneId, cancellationToken);
            }

            foreach (var (record, address) in new[] { (domain.ApiRecord, Address(api)), (domain.ApiInternalRecord, Address(api)), (domain.AppsRecord, Address(ingress)) })
            {
                if (!await zones.SetARecordAsync(zoneId, record, address, cluster.Id, cancellationToken))
                {
                    return StepOutcome.Failed(DomainInUse(cluster));
                }
            }

            return StepOutcome.Done;
        }
        catch (RequestFailedException e) when (e.IsPermanent())
        {
            var error = e.ToCloudError(zoneId);
            return StepOutcome.Failed(error with { Message = $"The DNS records of '{domain.Fqdn}' could not be configured: {error.Message}" });
        }
    }

    // The frontend refuses a domain another cluster holds; a record owned by someone else means that check was raced
    // or the record was written outside the RP, and either way it is not this cluster's to take.
    private static CloudErrorBody DomainInUse(OpenShiftCluster cluster) =>
        new(CloudErrorCodes.DuplicateDomain, $"The provided domain '{cluster.Properties.ClusterProfile.Domain}' is already in use by a cluster.", "properties.clusterProfile.domain");

    private static string Address(PublicIpAddress ip) =>
        ip.IpAddress ?? throw new InvalidOperationException($"The public IP '{ip.Id}' has no address yet.");
}
