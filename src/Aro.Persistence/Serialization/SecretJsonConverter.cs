using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Persistence.Secrets;

namespace Aro.Persistence.Serialization;

/// <summary>
/// Stores a [Secret] property as one sealed string: the property's own JSON, encrypted.
/// Sealing the JSON rather than the raw string keeps this working for secrets of any type.
/// </summary>
internal sealed class SecretJsonConverter<T>(ISecretProtector protector) : JsonConverter<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var value = reader.GetString()!;
            if (protector.IsProtected(value))
            {
                var plaintext = protector.Unprotect(value);
                try
                {
                    return JsonSerializer.Deserialize<T>(plaintext, options);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plaintext);
                }
            }
        }

        // A document written before the property was marked [Secret]: read it as it is; its next write seals it.
        return JsonSerializer.Deserialize<T>(ref reader, options);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(value, options);
        try
        {
            writer.WriteStringValue(protector.Protect(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
