using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Api.Validation;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Ignition;

/// <summary>Reads the cluster, ensures its InfraId and PKI, and stores the bootstrap, master and worker configs.</summary>
internal sealed partial class IgnitionService(
    IClusterDocuments documents,
    ClusterPkiEnsurer pki,
    IIgnitionStore store,
    IOptions<CloudOptions> options,
    ILogger<IgnitionService> logger) : IIgnitionService
{
    private readonly CloudOptions _options = options.Value;

    public async Task<IgnitionOutcome> GenerateAsync(string resourceId, CancellationToken cancellationToken)
    {
        var cluster = await documents.GetAsync(resourceId, cancellationToken);
        if (cluster is null)
        {
            return IgnitionOutcome.Failed(ClusterStepErrors.NotFound(resourceId));
        }

        var domain = ClusterDomain.For(cluster, _options);
        if (Check(cluster, domain) is { } invalid)
        {
            return IgnitionOutcome.Failed(invalid);
        }

        cluster = await pki.EnsureAsync(resourceId, cluster, domain.Fqdn, cancellationToken);
        if (cluster is null)
        {
            return IgnitionOutcome.Failed(ClusterStepErrors.NotFound(resourceId));
        }

        var resourceGroupId = cluster.Properties.ClusterProfile.ResourceGroupId;
        var infraId = cluster.Properties.InfraId!;
        foreach (var (role, config) in IgnitionConfigs.For(cluster, domain.Fqdn))
        {
            await store.StoreAsync(resourceGroupId, cluster.Location, infraId, role, config, cancellationToken);
        }

        LogStored(logger, infraId, resourceGroupId);
        return IgnitionOutcome.Generated;
    }

    private static CloudErrorBody? Check(OpenShiftCluster cluster, ClusterDomain domain)
    {
        if (ClusterStepErrors.CheckDomain(cluster, domain) is { } invalidDomain)
        {
            return invalidDomain;
        }

        var profile = cluster.Properties.ClusterProfile;
        if (!ResourceId.TryParse(profile.ResourceGroupId, out var resourceGroup) || resourceGroup.ResourceGroup is null || resourceGroup.ProviderNamespace is not null)
        {
            return new CloudErrorBody(CloudErrorCodes.InvalidParameter, $"The provided resource group '{profile.ResourceGroupId}' is invalid.", "properties.clusterProfile.resourceGroupId");
        }

        return PullSecret.IsValid(profile.PullSecret)
            ? null
            : new CloudErrorBody(CloudErrorCodes.InvalidParameter, "The provided pull secret is invalid.", "properties.clusterProfile.pullSecret");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the Ignition configs of {InfraId} in {ResourceGroupId}")]
    private static partial void LogStored(ILogger logger, string infraId, string resourceGroupId);
}
