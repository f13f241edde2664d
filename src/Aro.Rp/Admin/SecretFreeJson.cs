using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aro.Api.Model;

namespace Aro.Rp.Admin;

/// <summary>
/// JSON for operators' eyes: the internal model as stored, minus every property marked <see cref="SecretAttribute"/>.
/// Leaving them out by attribute means a secret added to the model later is hidden here without anyone remembering to.
/// </summary>
internal static class SecretFreeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideSecrets } },
    };

    private static void HideSecrets(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(SecretAttribute), inherit: true) == true)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
