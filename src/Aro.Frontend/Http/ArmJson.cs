using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aro.Frontend.Http;

/// <summary>The JSON conventions of ARM payloads: camelCase names, enums as strings, nulls left out.</summary>
internal static class ArmJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
