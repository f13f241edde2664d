using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Hosting;

/// <summary>
/// The add/replace/remove/test subset of RFC 6902 JSON Patch, enough for scale code that sends
/// [{"op":"replace","path":"/spec/replicas","value":5}] instead of a merge patch.
/// </summary>
internal static class JsonPatch
{
    public static bool TryApply(JsonObject target, JsonArray operations)
    {
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = operation["op"]?.GetValue<string>();
            var tokens = (operation["path"]?.GetValue<string>() ?? "").Split('/').Skip(1)
                .Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            if (tokens.Length == 0)
            {
                return false;
            }

            JsonNode? parent = target;
            foreach (var token in tokens[..^1])
            {
                parent = parent switch
                {
                    JsonObject obj => obj[token],
                    JsonArray array when int.TryParse(token, out var index) && index < array.Count => array[index],
                    _ => null,
                };
            }

            var last = tokens[^1];
            var value = operation["value"]?.DeepClone();
            switch (op, parent)
            {
                case ("add" or "replace", JsonObject obj):
                    obj[last] = value;
                    break;
                case ("remove", JsonObject obj):
                    obj.Remove(last);
                    break;
                case ("add", JsonArray array):
                    if (last == "-")
                    {
                        array.Add(value);
                    }
                    else
                    {
                        array.Insert(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture), value);
                    }

                    break;
                case ("replace", JsonArray array) when int.TryParse(last, out var index) && index < array.Count:
                    array[index] = value;
                    break;
                case ("remove", JsonArray array) when int.TryParse(last, out var index) && index < array.Count:
                    array.RemoveAt(index);
                    break;
                case ("test", JsonObject obj):
                    if (!JsonNode.DeepEquals(obj[last], value))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
