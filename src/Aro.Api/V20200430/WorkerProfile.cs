using System.Text.Json.Serialization;

namespace Aro.Api.V20200430;

/// <summary>WorkerProfile represents a worker profile.</summary>
public sealed class WorkerProfile
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>One of <see cref="VmSizes"/>; a string so that an unknown size reaches validation.</summary>
    [JsonPropertyName("vmSize")]
    public string? VmSize { get; set; }

    [JsonPropertyName("diskSizeGB")]
    public int? DiskSizeGB { get; set; }

    [JsonPropertyName("subnetId")]
    public string? SubnetId { get; set; }

    [JsonPropertyName("count")]
    public int? Count { get; set; }
}
