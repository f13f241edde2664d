using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// The property paths of a JSON document, e.g. "properties", "properties.workerProfiles",
/// "properties.workerProfiles[].name": all elements of an array share one path.
/// </summary>
public static class JsonPropertyPaths
{
    public static SortedSet<string> Of(JsonNode? node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(node, "", paths);
        return paths;
    }

    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static void Collect(JsonNode? node, string prefix, SortedSet<string> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var path = Join(prefix, name);
                    paths.Add(path);
                    Collect(value, path, paths);
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    Collect(element, prefix + "[]", paths);
                }

                break;
        }
    }
}
