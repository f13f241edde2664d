using System.Text.Json.Serialization;

namespace Aro.Api.V20200430;

/// <summary>OpenShiftClusterCredentials represents an OpenShift cluster's credentials.</summary>
public sealed class OpenShiftClusterCredentials
{
    [JsonPropertyName("kubeadminUsername")]
    public string? KubeadminUsername { get; set; }

    [JsonPropertyName("kubeadminPassword")]
    public string? KubeadminPassword { get; set; }
}
