using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.Pki;

/// <summary>
/// Ensures the backend-owned fields that later steps build on: the cluster's InfraId and its PKI.
/// What is already stored is kept, so a repeated or concurrent step never mints a second CA.
/// </summary>
internal sealed class ClusterPkiEnsurer(IClusterDocuments documents, ClusterPkiIssuer issuer)
{
    /// <summary>
    /// Returns <paramref name="current"/> when it already has both, otherwise the stored cluster with
    /// both ensured; null when the cluster is gone. Only <paramref name="operationId"/> may write: when another
    /// operation acts on the cluster nothing is written and the stored cluster says so. A new CA's API server
    /// certificate is issued for <paramref name="fqdn"/>, the cluster's checked, fully qualified domain.
    /// </summary>
    public async Task<StoredCluster?> EnsureAsync(string resourceId, string operationId, StoredCluster current, string fqdn, CancellationToken cancellationToken)
    {
        if (current.Cluster.Properties.InfraId is not null && HasPki(current.Cluster))
        {
            return current;
        }

        // Minted outside the change because a lost ETag race re-applies the change to the winner's
        // document: that one keeps its own CA if it has one, and this candidate is dropped.
        var candidate = HasPki(current.Cluster) ? null : issuer.Issue(fqdn);
        return await documents.UpdateAsync(resourceId, operationId, cluster =>
        {
            var properties = cluster.Properties;
            properties.InfraId ??= InfraId.For(resourceId);
            if (!HasPki(cluster))
            {
                properties.Pki = candidate ?? issuer.Issue(fqdn);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// <see cref="EnsureAsync"/> for a step: the cluster, with its PKI, to carry on with; or, when there is none,
    /// the supersession that ends the step (<see cref="StepStart.ForStep"/>).
    /// </summary>
    public async Task<(StoredCluster? Stored, StepOutcome? Supersession)> EnsureForStepAsync(string resourceId, string operationId, StoredCluster current, string fqdn, CancellationToken cancellationToken) =>
        (await EnsureAsync(resourceId, operationId, current, fqdn, cancellationToken)).ForStep(resourceId, operationId);

    private static bool HasPki(OpenShiftCluster cluster) =>
        !string.IsNullOrEmpty(cluster.Properties.Pki?.RootCaCertificatePem);
}
