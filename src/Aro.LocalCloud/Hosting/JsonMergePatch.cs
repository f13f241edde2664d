using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Hosting;

/// <summary>RFC 7386 JSON merge patch, as Kubernetes' application/merge-patch+json and ARM PATCH use it.</summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var merged = Apply(result[name]?.DeepClone(), value);
                result[name] = merged;
            }
        }

        return result;
    }
}
