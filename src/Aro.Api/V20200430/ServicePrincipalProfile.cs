using System.Text.Json.Serialization;

namespace Aro.Api.V20200430;

/// <summary>ServicePrincipalProfile represents a service principal profile.</summary>
public sealed class ServicePrincipalProfile
{
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    [JsonPropertyName("clientSecret")]
    public string? ClientSecret { get; set; }
}
