namespace Aro.Api.Model;

/// <summary>Secrets the backend issues for a cluster. Stored protected, served only by listCredentials.</summary>
public sealed class ClusterCredentials
{
    public string KubeadminUsername { get; set; } = "kubeadmin";

    [Secret]
    public string? KubeadminPassword { get; set; }

    [Secret]
    public string? AdminKubeconfig { get; set; }
}
