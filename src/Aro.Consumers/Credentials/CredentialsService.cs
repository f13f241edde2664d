using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Credentials;

/// <summary>
/// Issues the kubeadmin password and the admin kubeconfig into the cluster's credentials, whose
/// secret properties the store seals. The PKI is ensured too, so the step does not depend on the
/// Ignition step having run first (both keep whatever CA is stored).
/// </summary>
internal sealed partial class CredentialsService(
    IClusterDocuments documents,
    PkiStepStart start,
    IKubernetesEndpointResolver endpoints,
    ILogger<CredentialsService> logger) : ICredentialsService
{
    public async Task<StepOutcome> IssueAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (ready, outcome) = await start.StartAsync(resourceId, operationId, IsIssued, check: null, cancellationToken);
        if (ready is null)
        {
            return outcome!;
        }

        var cluster = ready.Cluster;

        var clusterPki = cluster.Properties.Pki!;
        if (string.IsNullOrEmpty(clusterPki.AdminClientCertificatePem) || string.IsNullOrEmpty(clusterPki.AdminClientKeyPem))
        {
            return StepOutcome.Failed(new CloudErrorBody(CloudErrorCodes.InternalServerError, "The cluster's PKI has no admin client certificate to build the admin kubeconfig from."));
        }

        var server = await endpoints.ResolveAsync(cluster, cancellationToken);
        var password = KubeadminPassword.Generate();
        var kubeconfig = AdminKubeconfig.Build(ClusterName(resourceId, cluster), server, clusterPki);
        var written = await documents.UpdateAsync(resourceId, operationId, current =>
        {
            // A concurrent or earlier run may have issued some already: keep what is there.
            var credentials = current.Properties.Credentials ??= new ClusterCredentials();
            if (string.IsNullOrEmpty(credentials.KubeadminPassword))
            {
                credentials.KubeadminPassword = password;
            }

            if (string.IsNullOrEmpty(credentials.AdminKubeconfig))
            {
                credentials.AdminKubeconfig = kubeconfig;
            }
        }, cancellationToken);
        var (issued, supersessionBeforeWriting) = written.ForStep(resourceId, operationId);
        if (issued is null)
        {
            return supersessionBeforeWriting!;
        }

        LogIssued(logger, issued.Cluster.Properties.InfraId);
        return StepOutcome.Done;
    }

    // Issued credentials end the step before any PKI work.
    private static bool IsIssued(OpenShiftCluster cluster) =>
        cluster.Properties.Credentials is { } credentials
        && !string.IsNullOrEmpty(credentials.KubeadminPassword) && !string.IsNullOrEmpty(credentials.AdminKubeconfig);

    private static string ClusterName(string resourceId, OpenShiftCluster cluster) =>
        ResourceId.TryParse(resourceId, out var id) ? id.Name : cluster.Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued the credentials of {InfraId}")]
    private static partial void LogIssued(ILogger logger, string? infraId);
}
