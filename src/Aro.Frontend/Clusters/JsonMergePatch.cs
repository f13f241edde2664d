using System.Text.Json.Nodes;

namespace Aro.Frontend.Clusters;

/// <summary>
/// PATCH semantics: RFC 7386 (objects merge member by member, a null removes a member, values replace what was
/// there), with two refinements the reference RP's clients rely on. Member names match ignoring case, as the RP
/// reads them ("Tags" patches the stored "tags"). An array whose every element is an object with a "name" (the
/// worker and ingress profiles) merges element by element: each patch element into the stored element of the same
/// name, so <c>{"workerProfiles": [{"name": "worker", "count": 5}]}</c> scales without restating the profile.
/// The patch's array still says which elements there are and in which order; any other array replaces the stored one.
/// </summary>
internal static class JsonMergePatch
{
    private const string NameMember = "name";

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => patch switch
    {
        JsonObject patchObject => MergeObject(target as JsonObject, patchObject),
        JsonArray patchArray when target is JsonArray targetArray && IsNamed(patchArray) => MergeByName(targetArray, patchArray),
        _ => patch?.DeepClone(),
    };

    private static JsonObject MergeObject(JsonObject? target, JsonObject patch)
    {
        var result = target is null ? [] : (JsonObject)target.DeepClone();
        foreach (var (name, value) in patch)
        {
            var key = KeyOf(result, name) ?? name;
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result[key] = Apply(result[key], value);
        }

        return result;
    }

    private static JsonArray MergeByName(JsonArray target, JsonArray patch) =>
        new(patch.Select(element => Apply(target.FirstOrDefault(stored => string.Equals(NameOf(stored), NameOf(element), StringComparison.OrdinalIgnoreCase)), element)).ToArray());

    private static bool IsNamed(JsonArray array) => array.Count > 0 && array.All(element => NameOf(element) is not null);

    private static string? NameOf(JsonNode? element) =>
        element is JsonObject member && KeyOf(member, NameMember) is { } key && member[key] is JsonValue value && value.TryGetValue<string>(out var name)
            ? name
            : null;

    private static string? KeyOf(JsonObject target, string name) =>
        target.Select(member => member.Key).FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
}
