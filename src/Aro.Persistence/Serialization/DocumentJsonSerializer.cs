using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aro.Api.Model;
using Aro.Persistence.Secrets;

namespace Aro.Persistence.Serialization;

/// <summary>
/// The JSON shape of stored documents, shared by every store so that documents move between them unchanged:
/// camelCase, enums as strings, nulls omitted, and every property marked <see cref="SecretAttribute"/> sealed
/// by the <see cref="ISecretProtector"/> (so no store ever holds a secret in clear).
/// </summary>
public sealed class DocumentJsonSerializer
{
    public DocumentJsonSerializer(ISecretProtector protector)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SealSecrets(protector) } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        Options = options;
    }

    public JsonSerializerOptions Options { get; }

    public string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored JSON is null, not a {typeof(T).Name}.");

    private static Action<JsonTypeInfo> SealSecrets(ISecretProtector protector) => typeInfo =>
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(SecretAttribute), inherit: true) == true)
            {
                var converterType = typeof(SecretJsonConverter<>).MakeGenericType(property.PropertyType);
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(converterType, protector)!;
            }
        }
    };
}
