using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>APIServerProfile represents an API server profile.</summary>
public sealed class ApiServerProfile
{
    /// <summary>Public or Private; a string so that an unknown value reaches validation.</summary>
    [JsonPropertyName("visibility")]
    public string? Visibility { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("ip")]
    public string? Ip { get; set; }
}
