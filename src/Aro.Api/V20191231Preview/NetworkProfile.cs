using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>NetworkProfile represents a network profile.</summary>
public sealed class NetworkProfile
{
    [JsonPropertyName("podCidr")]
    public string? PodCidr { get; set; }

    [JsonPropertyName("serviceCidr")]
    public string? ServiceCidr { get; set; }
}
