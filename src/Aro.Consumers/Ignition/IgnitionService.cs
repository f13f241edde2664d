using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Api.Validation;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Ignition;

/// <summary>Starts like every PKI step (<see cref="PkiStepStart"/>) and stores the bootstrap, master and worker configs.</summary>
internal sealed partial class IgnitionService(
    PkiStepStart start,
    IIgnitionStore store,
    ILogger<IgnitionService> logger) : IIgnitionService
{
    public async Task<StepOutcome> GenerateAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (ready, outcome) = await start.StartAsync(resourceId, operationId, isDone: null, Check, cancellationToken);
        if (ready is null)
        {
            return outcome!;
        }

        var (cluster, domain) = ready;

        var resourceGroupId = cluster.Properties.ClusterProfile.ResourceGroupId;
        var infraId = cluster.Properties.InfraId!;
        if (await store.StoreAsync(cluster.Id, resourceGroupId, cluster.Location, infraId, IgnitionConfigs.For(cluster, domain.Fqdn), cancellationToken) is { } refused)
        {
            return StepOutcome.Failed(refused);
        }

        LogStored(logger, infraId, resourceGroupId);
        return StepOutcome.Done;
    }

    // The domain is checked by the start; these are the fields only the Ignition configs need.
    private static CloudErrorBody? Check(OpenShiftCluster cluster)
    {
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
