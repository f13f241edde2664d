using System.Text.Json.Serialization;

namespace Aro.Api.V20200430;

/// <summary>OpenShiftClusterProperties represents an OpenShift cluster's properties.</summary>
public sealed class OpenShiftClusterProperties
{
    /// <summary>A string, not an enum, so that an unknown value reaches validation instead of failing deserialization.</summary>
    [JsonPropertyName("provisioningState")]
    public string? ProvisioningState { get; set; }

    [JsonPropertyName("clusterProfile")]
    public ClusterProfile? ClusterProfile { get; set; }

    [JsonPropertyName("consoleProfile")]
    public ConsoleProfile? ConsoleProfile { get; set; }

    [JsonPropertyName("servicePrincipalProfile")]
    public ServicePrincipalProfile? ServicePrincipalProfile { get; set; }

    [JsonPropertyName("networkProfile")]
    public NetworkProfile? NetworkProfile { get; set; }

    [JsonPropertyName("masterProfile")]
    public MasterProfile? MasterProfile { get; set; }

    [JsonPropertyName("workerProfiles")]
    public List<WorkerProfile>? WorkerProfiles { get; set; }

    [JsonPropertyName("apiserverProfile")]
    public ApiServerProfile? ApiServerProfile { get; set; }

    [JsonPropertyName("ingressProfiles")]
    public List<IngressProfile>? IngressProfiles { get; set; }
}
