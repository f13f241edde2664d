using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using Microsoft.Extensions.Options;

namespace Aro.Cloud.Kubernetes;

/// <summary>Builds a KubernetesClient for one cluster: the local cloud's per-cluster API, or the cluster's own API server.</summary>
public sealed class KubernetesClientFactory(IOptions<CloudOptions> options)
{
    private readonly CloudOptions _options = options.Value;

    public IKubernetes Create(KubernetesClusterTarget cluster)
    {
        var configuration = _options.KubernetesEndpoint is { } template
            ? Local(template, cluster)
            : Remote(cluster);
        return new k8s.Kubernetes(configuration);
    }

    private KubernetesClientConfiguration Local(string template, KubernetesClusterTarget cluster)
    {
        var arm = (_options.ArmEndpoint?.ToString() ?? "").TrimEnd('/');
        var host = template
            .Replace("{arm}", arm, StringComparison.Ordinal)
            .Replace("{clusterResourceGroup}", cluster.ClusterResourceGroupName.ToLowerInvariant(), StringComparison.Ordinal);
        return new KubernetesClientConfiguration
        {
            Host = host,
            AccessToken = "local-cloud-token",
            SkipTlsVerify = _options.AllowUntrustedCertificates,
        };
    }

    private static KubernetesClientConfiguration Remote(KubernetesClusterTarget cluster)
    {
        if (cluster.ApiServerUrl is null || cluster.ClientCertificatePem is null || cluster.ClientKeyPem is null)
        {
            throw new InvalidOperationException("The cluster's API server URL and admin client certificate are not known yet.");
        }

        var configuration = new KubernetesClientConfiguration
        {
            Host = cluster.ApiServerUrl,
            ClientCertificateData = Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.ClientCertificatePem)),
            ClientCertificateKeyData = Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.ClientKeyPem)),
        };
        if (cluster.CaCertificatePem is not null)
        {
            configuration.SslCaCerts = [X509Certificate2.CreateFromPem(cluster.CaCertificatePem)];
        }

        return configuration;
    }
}
