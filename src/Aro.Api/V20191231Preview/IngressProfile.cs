using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>IngressProfile represents an ingress profile.</summary>
public sealed class IngressProfile
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Public or Private; a string so that an unknown value reaches validation.</summary>
    [JsonPropertyName("visibility")]
    public string? Visibility { get; set; }

    [JsonPropertyName("ip")]
    public string? Ip { get; set; }
}
