using Aro.Api.Model;
using Aro.Api.Resources;

namespace Aro.Consumers.Credentials;

/// <summary>
/// The cluster's admin credentials: the kubeadmin password and the admin kubeconfig built from its PKI's admin
/// client certificate. The store seals both.
/// </summary>
internal static class AdminCredentials
{
    public static bool AreIssued(OpenShiftCluster cluster) =>
        cluster.Properties.Credentials is { } credentials
        && !string.IsNullOrEmpty(credentials.KubeadminPassword) && !string.IsNullOrEmpty(credentials.AdminKubeconfig);

    /// <summary>Whether <see cref="IssueMissing"/> would change nothing: all issued, or all the PKI allows.</summary>
    public static bool NothingToIssue(OpenShiftCluster cluster) =>
        AreIssued(cluster) || (!string.IsNullOrEmpty(cluster.Properties.Credentials?.KubeadminPassword) && !CanBeIssued(cluster));

    /// <summary>Whether the cluster's PKI can sign the admin kubeconfig (a PKI stored by an older RP may not).</summary>
    public static bool CanBeIssued(OpenShiftCluster cluster) =>
        cluster.Properties.Pki is { } pki
        && !string.IsNullOrEmpty(pki.AdminClientCertificatePem) && !string.IsNullOrEmpty(pki.AdminClientKeyPem);

    /// <summary>
    /// Issues what is missing and keeps what is there (a concurrent or earlier run may have issued some already);
    /// the kubeconfig only when the PKI can sign it, pointing at <paramref name="server"/>.
    /// </summary>
    public static void IssueMissing(string resourceId, OpenShiftCluster cluster, Uri server)
    {
        var credentials = cluster.Properties.Credentials ??= new ClusterCredentials();
        if (string.IsNullOrEmpty(credentials.KubeadminPassword))
        {
            credentials.KubeadminPassword = KubeadminPassword.Generate();
        }

        if (string.IsNullOrEmpty(credentials.AdminKubeconfig) && CanBeIssued(cluster))
        {
            credentials.AdminKubeconfig = AdminKubeconfig.Build(ClusterName(resourceId, cluster), server, cluster.Properties.Pki!);
        }
    }

    private static string ClusterName(string resourceId, OpenShiftCluster cluster) =>
        ResourceId.TryParse(resourceId, out var id) ? id.Name : cluster.Name;
}
