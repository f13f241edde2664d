using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aro.Persistence.Sagas;

/// <summary>The JSON a saga instance is stored as, the same in every store so instances can move between them.</summary>
internal static class SagaInstanceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
