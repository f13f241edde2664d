using System.Text.Json.Serialization;

namespace Aro.Api.V20200430;

/// <summary>OperationList represents an RP operation list.</summary>
public sealed class OperationList
{
    [JsonPropertyName("value")]
    public List<Operation> Value { get; set; } = [];

    [JsonPropertyName("nextLink")]
    public string? NextLink { get; set; }
}
