using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>Display represents the display details of an operation.</summary>
public sealed class Display
{
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    [JsonPropertyName("operation")]
    public string? Operation { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
