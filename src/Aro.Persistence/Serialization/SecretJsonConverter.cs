using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Persistence.Secrets;

namespace Aro.Persistence.Serialization;

/// <summary>
/// Stores a [Secret] property as one sealed string: the property's own JSON, encrypted and bound to the document
/// being written and to the property's stored name. Sealing the JSON rather than the raw string keeps this working
/// for secrets of any type.
/// </summary>
internal sealed class SecretJsonConverter<T>(ISecretProtector protector, string field) : JsonConverter<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var binding = new SecretBinding(SealingDocument.CurrentId, field);
        // Anything but a sealed string (plain JSON of the value included) is refused: a value that was never sealed
        // was either written around the RP or planted, and in both cases must not be taken for the RP's own.
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new CryptographicException($"The secret {binding} is not a sealed value.");
        }

        var plaintext = protector.Unprotect(reader.GetString()!, binding);
        try
        {
            return JsonSerializer.Deserialize<T>(plaintext, options);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var binding = new SecretBinding(SealingDocument.CurrentId, field);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(value, options);
        try
        {
            writer.WriteStringValue(protector.Protect(plaintext, binding));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
