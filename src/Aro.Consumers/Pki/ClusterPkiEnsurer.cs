using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Consumers.Clusters;
using Aro.Consumers.Credentials;

namespace Aro.Consumers.Pki;

/// <summary>
/// Ensures the backend-owned fields that later steps build on, as the installer makes its assets: the cluster's
/// InfraId, its PKI, and the admin credentials made from that PKI (the kubeadmin password and the admin
/// kubeconfig), all in one write. What is already stored is kept, so a repeated or concurrent step never mints a
/// second CA or a second password.
/// </summary>
/// <remarks>
/// The credentials come with the PKI rather than in a write of their own (the credentials step's) because a
/// create's writes are what its latency and cost are made of: one write fewer per create, and the credentials
/// step then finds them issued. Nothing reads them before the create succeeds.
/// </remarks>
internal sealed class ClusterPkiEnsurer(IClusterDocuments documents, ClusterPkiIssuer issuer, IKubernetesEndpointResolver endpoints)
{
    /// <summary>
    /// Returns <paramref name="current"/> when it already has all of them, otherwise the stored cluster with them
    /// ensured; null when the cluster is gone. Only <paramref name="operationId"/> may write: when another
    /// operation acts on the cluster nothing is written and the stored cluster says so. A new CA's API server
    /// certificate is issued for <paramref name="fqdn"/>, the cluster's checked, fully qualified domain.
    /// </summary>
    public async Task<StoredCluster?> EnsureAsync(string resourceId, string operationId, StoredCluster current, string fqdn, CancellationToken cancellationToken)
    {
        if (current.Cluster.Properties.InfraId is not null && HasPki(current.Cluster) && AdminCredentials.NothingToIssue(current.Cluster))
        {
            return current;
        }

        // Minted outside the change because a lost ETag race re-applies the change to the winner's
        // document: that one keeps its own CA if it has one, and this candidate is dropped.
        var candidate = HasPki(current.Cluster) ? null : issuer.Issue(fqdn);
        var server = await endpoints.ResolveAsync(current.Cluster, cancellationToken);
        // Written on the ETag the step read the cluster with: no second read unless somebody wrote since.
        return await documents.UpdateAsync(current, resourceId, operationId, cluster =>
        {
            var properties = cluster.Properties;
            properties.InfraId ??= InfraId.For(resourceId);
            if (!HasPki(cluster))
            {
                properties.Pki = candidate ?? issuer.Issue(fqdn);
            }

            AdminCredentials.IssueMissing(resourceId, cluster, server);
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
