using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>ClusterProfile represents a cluster profile.</summary>
public sealed class ClusterProfile
{
    [JsonPropertyName("pullSecret")]
    public string? PullSecret { get; set; }

    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("resourceGroupId")]
    public string? ResourceGroupId { get; set; }
}
