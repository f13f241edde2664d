using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Secrets;

namespace Aro.Persistence.Serialization;

/// <summary>
/// The JSON shape of stored documents, shared by every store so that documents move between them unchanged:
/// camelCase, enums as strings, nulls omitted, and every property marked <see cref="SecretAttribute"/> sealed
/// by the <see cref="ISecretProtector"/> (so no store ever holds a secret in clear), bound to the document's id and
/// the property's stored name. Reads that never use the secrets can leave them sealed (<see cref="DeserializeWithoutSecrets{TDocument}(ReadOnlySpan{byte}, string)"/>).
/// </summary>
public sealed class DocumentJsonSerializer
{
    private readonly JsonSerializerOptions _options;
    private readonly JsonSerializerOptions _optionsWithoutSecrets;

    public DocumentJsonSerializer(ISecretProtector protector)
    {
        _options = Options(SealSecrets(protector));
        _optionsWithoutSecrets = Options(LeaveSecretsOut);
    }

    public string Serialize<TDocument>(TDocument document)
        where TDocument : IDocument
    {
        using var scope = SealingDocument.Enter(document.Id);
        return JsonSerializer.Serialize(document, _options);
    }

    public JsonObject SerializeToNode<TDocument>(TDocument document)
        where TDocument : IDocument
    {
        using var scope = SealingDocument.Enter(document.Id);
        return JsonSerializer.SerializeToNode(document, _options)!.AsObject();
    }

    /// <summary>Reads the document the store keeps under <paramref name="documentId"/>; its secrets open only for that id.</summary>
    public TDocument Deserialize<TDocument>(string json, string documentId)
        where TDocument : IDocument
    {
        using var scope = SealingDocument.Enter(documentId);
        return RequireId(JsonSerializer.Deserialize<TDocument>(json, _options), documentId);
    }

    /// <inheritdoc cref="Deserialize{TDocument}(string, string)"/>
    public TDocument Deserialize<TDocument>(JsonObject body, string documentId)
        where TDocument : IDocument
    {
        using var scope = SealingDocument.Enter(documentId);
        return RequireId(body.Deserialize<TDocument>(_options), documentId);
    }

    /// <summary>
    /// Reads the document the store keeps under <paramref name="documentId"/> without opening its secrets: every
    /// [Secret] property keeps its default (null, or empty) and its sealed value is skipped undecrypted, so one that
    /// would not open fails nothing. For reads that show a document and never write it back.
    /// </summary>
    public TDocument DeserializeWithoutSecrets<TDocument>(ReadOnlySpan<byte> utf8Json, string documentId)
        where TDocument : IDocument =>
        RequireId(JsonSerializer.Deserialize<TDocument>(utf8Json, _optionsWithoutSecrets), documentId);

    /// <inheritdoc cref="DeserializeWithoutSecrets{TDocument}(ReadOnlySpan{byte}, string)"/>
    public TDocument DeserializeWithoutSecrets<TDocument>(JsonObject body, string documentId)
        where TDocument : IDocument =>
        RequireId(body.Deserialize<TDocument>(_optionsWithoutSecrets), documentId);

    private static JsonSerializerOptions Options(Action<JsonTypeInfo> secrets)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { secrets } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    private static TDocument RequireId<TDocument>(TDocument? document, string documentId)
        where TDocument : IDocument
    {
        if (document is null)
        {
            throw new JsonException($"The stored JSON under '{documentId}' is null, not a {typeof(TDocument).Name}.");
        }

        // The store's key is the truth; a body claiming another id was written around the RP.
        return string.Equals(document.Id, documentId, StringComparison.Ordinal)
            ? document
            : throw new JsonException($"The {typeof(TDocument).Name} stored under '{documentId}' names itself '{document.Id}'.");
    }

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
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(converterType, protector, property.Name)!;
            }
        }
    };

    // Without the property, its stored value is skipped like any member the type does not know. No Serialize uses
    // these options: a document written with them would lose its secrets.
    private static void LeaveSecretsOut(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].AttributeProvider?.IsDefined(typeof(SecretAttribute), inherit: true) == true)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
