namespace Aro.Cloud.Kubernetes;

/// <summary>
/// How to reach one cluster's Kubernetes API. In local mode only <paramref name="ClusterResourceGroupName"/>
/// matters (it fills <see cref="CloudOptions.KubernetesEndpoint"/>); otherwise the API server URL and the
/// admin client certificate the cluster's CA issued (PEM) are used.
/// </summary>
public sealed record KubernetesClusterTarget(
    string ClusterResourceGroupName,
    string? ApiServerUrl = null,
    string? CaCertificatePem = null,
    string? ClientCertificatePem = null,
    string? ClientKeyPem = null);
