using Aro.Api;
using Aro.Api.Resources;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Cloud.Dns;
using Aro.Consumers.Clusters;
using Azure;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Teardown;

/// <summary>
/// Deletes the cluster's records from the RP's zone and then its resource group, which holds every other
/// resource it owns (IPs, load balancer, NICs, VMs, worker VMs, storage). Each delete tolerates what is
/// already gone, so a half-created cluster and a repeated teardown both converge.
/// </summary>
public sealed class ClusterTeardown(IClusterDocuments documents, ClusterResourceGroup clusterResourceGroup, IDnsZones zones, IOptions<CloudOptions> options) : IClusterTeardown
{
    private readonly CloudOptions _options = options.Value;

    public async Task<StepOutcome> TearDownAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        // A deletion whose document is gone already finished (or the cluster was never recorded): nothing to own.
        if (await documents.GetAsync(resourceId, cancellationToken) is not { } stored)
        {
            return StepOutcome.Done;
        }

        if (stored.Supersedes(operationId) is { } supersession)
        {
            return StepOutcome.Of(supersession);
        }

        var cluster = stored.Cluster;
        var domain = ClusterDomain.For(cluster, _options);
        var resourceGroupId = cluster.Properties.ClusterProfile.ResourceGroupId;
        try
        {
            if (domain.IsManaged && domain.Domain.Length > 0)
            {
                // A record another cluster owns (this one's create was refused its domain) is left as it is.
                var zoneId = _options.DnsZoneId;
                foreach (var record in new[] { domain.ApiRecord, domain.ApiInternalRecord, domain.AppsRecord })
                {
                    await zones.DeleteARecordAsync(zoneId, record, cluster.Id, cancellationToken);
                }
            }

            if (ResourceId.TryParse(resourceGroupId, out var group) && group.ResourceGroup is not null && group.ProviderNamespace is null)
            {
                // Only a group the RP created for this cluster: a customer's group that made the create fail stays.
                await clusterResourceGroup.DeleteIfOwnedAsync(cluster, cancellationToken);
            }

            return StepOutcome.Done;
        }
        catch (RequestFailedException e) when (e.IsPermanent())
        {
            var error = e.ToCloudError(resourceGroupId);
            return StepOutcome.Failed(error with { Message = $"The cluster's resources could not be deleted: {error.Message}" });
        }
    }
}
