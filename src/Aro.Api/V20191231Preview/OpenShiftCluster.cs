using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>OpenShiftCluster represents an Azure Red Hat OpenShift cluster.</summary>
public sealed class OpenShiftCluster
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("location")]
    public string? Location { get; set; }

    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    [JsonPropertyName("properties")]
    public OpenShiftClusterProperties? Properties { get; set; }
}
