using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>OpenShiftClusterList represents a list of OpenShift clusters.</summary>
public sealed class OpenShiftClusterList
{
    [JsonPropertyName("value")]
    public List<OpenShiftCluster> Value { get; set; } = [];

    [JsonPropertyName("nextLink")]
    public string? NextLink { get; set; }
}
