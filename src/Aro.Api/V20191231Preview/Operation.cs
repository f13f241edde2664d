using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>Operation represents an RP operation.</summary>
public sealed class Operation
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("display")]
    public Display? Display { get; set; }

    [JsonPropertyName("origin")]
    public string? Origin { get; set; }
}
