using System.Text.Json.Serialization;

namespace Aro.Api.V20200430;

/// <summary>ConsoleProfile represents a console profile.</summary>
public sealed class ConsoleProfile
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }
}
