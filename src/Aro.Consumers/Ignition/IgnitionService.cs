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

    public async Task<StepOutcome> GenerateAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return supersession!;
        }

        var domain = ClusterDomain.For(stored.Cluster, _options);
        if (Check(stored.Cluster, domain) is { } invalid)
        {
            return StepOutcome.Failed(invalid);
        }

        var (ensured, supersessionWhileEnsuring) = await pki.EnsureForStepAsync(resourceId, operationId, stored, domain.Fqdn, cancellationToken);
        if (ensured is null)
        {
            return supersessionWhileEnsuring!;
        }

        var cluster = ensured.Cluster;

        var resourceGroupId = cluster.Properties.ClusterProfile.ResourceGroupId;
        var infraId = cluster.Properties.InfraId!;
        foreach (var (role, config) in IgnitionConfigs.For(cluster, domain.Fqdn))
        {
            if (await store.StoreAsync(cluster.Id, resourceGroupId, cluster.Location, infraId, role, config, cancellationToken) is { } refused)
            {
                return StepOutcome.Failed(refused);
            }
        }

        LogStored(logger, infraId, resourceGroupId);
        return StepOutcome.Done;
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
