using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aro.Api.Serialization;

/// <summary>How the external (api-version) types are read and written.</summary>
public static class ExternalJson
{
    /// <summary>
    /// Property names are matched case-insensitively on read (as the reference RP's Go decoder does),
    /// numbers are never read from strings, and nulls are left out on write so optional swagger fields stay absent.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
