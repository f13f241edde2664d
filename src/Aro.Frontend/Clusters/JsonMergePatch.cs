using System.Text.Json.Nodes;

namespace Aro.Frontend.Clusters;

/// <summary>
/// PATCH semantics (RFC 7386): objects merge member by member, a null removes a member, anything else
/// (arrays included) replaces what was there.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            result[name] = Apply(result[name], value);
        }

        return result;
    }
}
