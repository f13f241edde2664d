using System.Text.Json.Nodes;

namespace Aro.Api.Validation;

/// <summary>
/// Finds the first property a request changes that may not change, by walking the external JSON of the
/// request and of the stored resource side by side. Rules are given as JSON paths in which <c>[*]</c>
/// stands for any array index, e.g. <c>properties.workerProfiles[*].count</c>.
/// </summary>
public sealed class ImmutableProperties
{
    private readonly HashSet<string> _mutable;
    private readonly HashSet<string> _keptWhenOmitted;
    private readonly HashSet<string> _caseInsensitive;

    /// <param name="mutable">Paths that may change freely.</param>
    /// <param name="keptWhenOmitted">Paths (read-only fields, secrets) whose absence in a request means "unchanged".</param>
    /// <param name="caseInsensitive">Paths whose string values may change case (ARM treats them case-insensitively).</param>
    public ImmutableProperties(IEnumerable<string> mutable, IEnumerable<string> keptWhenOmitted, IEnumerable<string> caseInsensitive)
    {
        _mutable = new HashSet<string>(mutable, StringComparer.Ordinal);
        _keptWhenOmitted = new HashSet<string>(keptWhenOmitted, StringComparer.Ordinal);
        _caseInsensitive = new HashSet<string>(caseInsensitive, StringComparer.Ordinal);
    }

    /// <summary>The JSON path of the first changed immutable property, or null when nothing immutable changed.</summary>
    public string? FindChange(JsonNode? requested, JsonNode? current) => Walk("", "", requested, current);

    private string? Walk(string path, string pattern, JsonNode? requested, JsonNode? current)
    {
        if (_mutable.Contains(pattern) || (requested is null && _keptWhenOmitted.Contains(pattern)))
        {
            return null;
        }

        // An absent object counts as an empty one so that a request leaving out, say, consoleProfile only
        // differs where the stored object holds something that is not kept when omitted.
        if (requested is JsonObject || current is JsonObject)
        {
            if (requested is not (null or JsonObject) || current is not (null or JsonObject))
            {
                return path;
            }

            var requestedObject = requested as JsonObject;
            var currentObject = current as JsonObject;
            var keys = (currentObject?.Select(p => p.Key) ?? [])
                .Concat(requestedObject?.Select(p => p.Key) ?? [])
                .Distinct(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var change = Walk(Join(path, key), Join(pattern, key), requestedObject?[key], currentObject?[key]);
                if (change is not null)
                {
                    return change;
                }
            }

            return null;
        }

        if (requested is JsonArray || current is JsonArray)
        {
            if (requested is not (null or JsonArray) || current is not (null or JsonArray))
            {
                return path;
            }

            var requestedArray = requested as JsonArray ?? [];
            var currentArray = current as JsonArray ?? [];
            if (requestedArray.Count != currentArray.Count)
            {
                return path;
            }

            for (var i = 0; i < requestedArray.Count; i++)
            {
                var change = Walk(ElementPath(path, i, requestedArray[i], currentArray[i]), pattern + "[*]", requestedArray[i], currentArray[i]);
                if (change is not null)
                {
                    return change;
                }
            }

            return null;
        }

        return ValuesEqual(pattern, requested, current) ? null : path;
    }

    private bool ValuesEqual(string pattern, JsonNode? requested, JsonNode? current)
    {
        if (requested is null || current is null)
        {
            return requested is null && current is null;
        }

        if (_caseInsensitive.Contains(pattern)
            && requested.GetValueKind() == System.Text.Json.JsonValueKind.String
            && current.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            return string.Equals(requested.GetValue<string>(), current.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        return JsonNode.DeepEquals(requested, current);
    }

    // Named elements (worker and ingress profiles) are addressed by name as the reference RP does,
    // e.g. properties.workerProfiles['worker'].count; anything else by index.
    private static string ElementPath(string path, int index, JsonNode? requested, JsonNode? current)
    {
        var name = (current as JsonObject)?["name"] ?? (requested as JsonObject)?["name"];
        return name is JsonValue value && value.TryGetValue<string>(out var text)
            ? $"{path}['{text}']"
            : $"{path}[{index}]";
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
