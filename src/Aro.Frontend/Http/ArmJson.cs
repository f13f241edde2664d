using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aro.Frontend.Http;

/// <summary>The JSON conventions of ARM payloads: camelCase names, enums as strings, nulls left out.</summary>
internal static class ArmJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Bodies are application/json, never embedded in HTML: keep quotes and apostrophes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>For JSON written straight to a buffer: the same encoder as <see cref="Options"/>, so the bytes are the same.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder };
}
