using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Consumers.Clusters;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Pki;

/// <summary>
/// How the steps that build on the cluster's PKI (Ignition, credentials) begin: read the cluster for the step,
/// check its domain, then ensure its InfraId and PKI. Either step may run first, so both ensure them.
/// </summary>
internal sealed class PkiStepStart(IClusterDocuments documents, ClusterPkiEnsurer pki, IOptions<CloudOptions> options)
{
    private readonly CloudOptions _options = options.Value;

    /// <summary>
    /// The cluster to carry on with, or the outcome that ends the step instead: <see cref="StepOutcome.Done"/> when
    /// <paramref name="isDone"/> says the step's work is already stored (checked before any PKI work), a failure when
    /// the domain or <paramref name="check"/> (run after the domain's check) finds the cluster invalid, or the
    /// step's supersession.
    /// </summary>
    public async Task<(PkiReadyCluster? Ready, StepOutcome? Outcome)> StartAsync(
        string resourceId,
        string operationId,
        Func<OpenShiftCluster, bool>? isDone,
        Func<OpenShiftCluster, CloudErrorBody?>? check,
        CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return (null, supersession);
        }

        if (isDone?.Invoke(stored.Cluster) == true)
        {
            return (null, StepOutcome.Done);
        }

        var domain = ClusterDomain.For(stored.Cluster, _options);
        if ((ClusterStepErrors.CheckDomain(stored.Cluster, domain) ?? check?.Invoke(stored.Cluster)) is { } invalid)
        {
            return (null, StepOutcome.Failed(invalid));
        }

        var (ensured, supersessionWhileEnsuring) = await pki.EnsureForStepAsync(resourceId, operationId, stored, domain.Fqdn, cancellationToken);
        return ensured is null
            ? (null, supersessionWhileEnsuring)
            : (new PkiReadyCluster(ensured.Cluster, domain), null);
    }
}
