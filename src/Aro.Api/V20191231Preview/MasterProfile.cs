using System.Text.Json.Serialization;

namespace Aro.Api.V20191231Preview;

/// <summary>MasterProfile represents a master profile.</summary>
public sealed class MasterProfile
{
    /// <summary>One of <see cref="VmSizes"/>; a string so that an unknown size reaches validation.</summary>
    [JsonPropertyName("vmSize")]
    public string? VmSize { get; set; }

    [JsonPropertyName("subnetId")]
    public string? SubnetId { get; set; }
}
