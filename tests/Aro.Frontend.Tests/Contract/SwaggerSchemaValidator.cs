using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// Checks a response body against a swagger 2.0 schema, the way ARM's own validation (and oav's) reads it:
/// $ref (local or into common-types), allOf, type, enum, required, properties, items and additionalProperties.
/// A member the schema does not define is a violation unless the schema declares additionalProperties
/// (ARM resources are closed: a client generated from the swagger would drop it, or fail on it).
/// Properties marked x-ms-secret, and the write-only secrets of these versions, must not be returned at all.
/// </summary>
public sealed class SwaggerSchemaValidator
{
    // Request-only secrets: the swaggers of these versions do not mark them, but their descriptions and the
    // reference RP's converters make them write-only (later versions mark such fields x-ms-secret).
    private static readonly HashSet<string> WriteOnlyProperties = new(StringComparer.Ordinal) { "pullSecret", "clientSecret" };

    private readonly List<string> _violations = [];
    private readonly bool _secretsAllowed;

    private SwaggerSchemaValidator(bool secretsAllowed)
    {
        _secretsAllowed = secretsAllowed;
    }

    /// <summary>Every way <paramref name="value"/> departs from the schema, as "path: problem"; empty when it conforms.</summary>
    /// <param name="secretsAllowed">True only for actions whose purpose is to return a secret (listCredentials).</param>
    public static IReadOnlyList<string> Validate(string document, JsonObject schema, JsonNode? value, bool secretsAllowed = false)
    {
        var validator = new SwaggerSchemaValidator(secretsAllowed);
        validator.Check(document, schema, value, "$");
        return validator._violations;
    }

    private void Check(string document, JsonObject schema, JsonNode? value, string path)
    {
        (document, schema) = Dereference(document, schema);
        var parts = Flatten(document, schema).ToList();

        if (value is null)
        {
            // ARM omits nulls; an explicit null is never what a generated client expects.
            _violations.Add($"{path}: null");
            return;
        }

        var type = parts.Select(p => (string?)p.Schema["type"]).FirstOrDefault(t => t is not null)
            ?? (parts.Any(p => p.Schema["properties"] is not null || p.Schema["allOf"] is not null) ? "object" : null);
        switch (type)
        {
            case "object":
                CheckObject(parts, value, path);
                break;
            case "array" when value is JsonArray array:
                var (itemsDocument, items) = parts.Select(p => (p.Document, Items: p.Schema["items"] as JsonObject)).First(p => p.Items is not null);
                for (var i = 0; i < array.Count; i++)
                {
                    Check(itemsDocument, items!, array[i], $"{path}[{i}]");
                }

                break;
            case "string" when value.GetValueKind() == JsonValueKind.String:
                var enumValues = parts.Select(p => p.Schema["enum"] as JsonArray).FirstOrDefault(e => e is not null);
                if (enumValues is not null && !enumValues.Any(e => (string?)e == value.GetValue<string>()))
                {
                    _violations.Add($"{path}: '{value}' is not one of [{string.Join(", ", enumValues.Select(e => (string?)e))}]");
                }

                break;
            case "integer" when value.GetValueKind() == JsonValueKind.Number && IsInteger(value):
            case "number" when value.GetValueKind() == JsonValueKind.Number:
            case "boolean" when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
            case null:
                break;
            default:
                _violations.Add($"{path}: expected {type}, got {value.GetValueKind()} {value.ToJsonString()}");
                break;
        }
    }

    private void CheckObject(List<(string Document, JsonObject Schema)> parts, JsonNode value, string path)
    {
        if (value is not JsonObject obj)
        {
            _violations.Add($"{path}: expected object, got {value.GetValueKind()}");
            return;
        }

        foreach (var required in parts.SelectMany(p => p.Schema["required"]?.AsArray() ?? []).Select(r => (string)r!))
        {
            if (!obj.ContainsKey(required))
            {
                _violations.Add($"{path}.{required}: required but missing");
            }
        }

        foreach (var (name, member) in obj)
        {
            var memberPath = $"{path}.{name}";
            var defined = parts.Select(p => (p.Document, Schema: p.Schema["properties"]?[name] as JsonObject)).FirstOrDefault(p => p.Schema is not null);
            if (defined.Schema is not null)
            {
                var (document, schema) = Dereference(defined.Document, defined.Schema);
                if (!_secretsAllowed && (IsSecret(defined.Schema) || IsSecret(schema) || WriteOnlyProperties.Contains(name)))
                {
                    _violations.Add($"{memberPath}: a secret, never returned");
                }

                Check(document, schema, member, memberPath);
                continue;
            }

            var additional = parts.Select(p => (p.Document, Schema: p.Schema["additionalProperties"])).FirstOrDefault(p => p.Schema is not null);
            switch (additional.Schema)
            {
                case JsonObject mapValues:
                    Check(additional.Document, mapValues, member, memberPath);
                    break;
                case JsonValue allowed when allowed.GetValue<bool>():
                    break;
                default:
                    _violations.Add($"{memberPath}: not defined by the schema");
                    break;
            }
        }
    }

    private static bool IsInteger(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number);

    private static bool IsSecret(JsonObject schema) => schema["x-ms-secret"] is JsonValue secret && secret.GetValue<bool>();

    // A schema and everything it inherits through allOf, each with the file its $refs resolve against.
    private static IEnumerable<(string Document, JsonObject Schema)> Flatten(string document, JsonObject schema)
    {
        yield return (document, schema);
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            var (partDocument, partSchema) = Dereference(document, part!.AsObject());
            foreach (var inherited in Flatten(partDocument, partSchema))
            {
                yield return inherited;
            }
        }
    }

    // Swagger 2.0 ignores a $ref's siblings (descriptions, mostly), so the target replaces the schema.
    private static (string Document, JsonObject Schema) Dereference(string document, JsonObject schema)
    {
        while (schema["$ref"] is { } reference)
        {
            (document, schema) = SwaggerSchema.Resolve(document, (string)reference!);
        }

        return (document, schema);
    }
}
