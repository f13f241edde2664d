using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Credentials;

/// <summary>
/// Issues the kubeadmin password and the admin kubeconfig into the cluster's credentials, whose
/// secret properties the store seals. The PKI is ensured too, so the step does not depend on the
/// Ignition step having run first (both keep whatever CA is stored).
/// </summary>
internal sealed partial class CredentialsService(
    IClusterDocuments documents,
    ClusterPkiEnsurer pki,
    IKubernetesEndpointResolver endpoints,
    IOptions<CloudOptions> options,
    ILogger<CredentialsService> logger) : ICredentialsService
{
    private readonly CloudOptions _options = options.Value;

    public async Task<StepOutcome> IssueAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return supersession!;
        }

        if (IsIssued(stored.Cluster.Properties.Credentials))
        {
            return StepOutcome.Done;
        }

        var domain = ClusterDomain.For(stored.Cluster, _options);
        if (ClusterStepErrors.CheckDomain(stored.Cluster, domain) is { } invalidDomain)
        {
            return StepOutcome.Failed(invalidDomain);
        }

        var (ensured, supersessionWhileEnsuring) = await pki.EnsureForStepAsync(resourceId, operationId, stored, domain.Fqdn, cancellationToken);
        if (ensured is null)
        {
            return supersessionWhileEnsuring!;
        }

        var cluster = ensured.Cluster;

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

    private static bool IsIssued(ClusterCredentials? credentials) =>
        !string.IsNullOrEmpty(credentials?.KubeadminPassword) && !string.IsNullOrEmpty(credentials.AdminKubeconfig);

    private static string ClusterName(string resourceId, OpenShiftCluster cluster) =>
        ResourceId.TryParse(resourceId, out var id) ? id.Name : cluster.Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued the credentials of {InfraId}")]
    private static partial void LogIssued(ILogger logger, string? infraId);
}
