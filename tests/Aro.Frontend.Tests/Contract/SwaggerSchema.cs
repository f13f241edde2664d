using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// The property paths a swagger schema defines, in <see cref="JsonPropertyPaths"/> notation
/// ("properties.workerProfiles[].name"; "tags.*" for a map). Follows $ref (local or into another file,
/// e.g. common-types' TrackedResource), allOf, properties, array items and additionalProperties.
/// </summary>
public sealed class SwaggerSchema
{
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);

    private SwaggerSchema()
    {
    }

    public IReadOnlySet<string> Paths => _paths;

    public static SwaggerSchema Of(string documentPath, string reference)
    {
        var schema = new SwaggerSchema();
        var (document, node) = Resolve(documentPath, reference);
        schema.Walk(document, node, prefix: "");
        return schema;
    }

    /// <summary>Whether <paramref name="path"/> is a defined property or a key of a defined map.</summary>
    public bool Defines(string path)
    {
        var parent = path.LastIndexOf('.');
        return _paths.Contains(path) || (parent > 0 && _paths.Contains(path[..parent] + ".*"));
    }

    private void Walk(string document, JsonObject schema, string prefix)
    {
        if (schema["$ref"] is { } reference)
        {
            var (target, resolved) = Resolve(document, (string)reference!);
            Walk(target, resolved, prefix);
            return;
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Walk(document, part!.AsObject(), prefix);
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? new JsonObject())
        {
            var path = JsonPropertyPaths.Join(prefix, name);
            _paths.Add(path);
            Walk(document, property!.AsObject(), path);
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(document, items, prefix + "[]");
        }

        if (schema["additionalProperties"] is JsonObject)
        {
            _paths.Add(JsonPropertyPaths.Join(prefix, "*"));
        }
    }

    // "#/definitions/X" points into the current document, "../other.json#/definitions/X" into a file next to it.
    internal static (string Document, JsonObject Schema) Resolve(string document, string reference)
    {
        var hash = reference.IndexOf('#');
        var target = hash == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, reference[..hash]));
        var node = SwaggerSpec.ReadJson(target);
        foreach (var segment in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[segment] ?? throw new InvalidDataException($"{reference} does not resolve in {target}.");
        }

        return (target, node.AsObject());
    }
}
