using System.Text.Json;

namespace Aro.Api.Validation;

/// <summary>
/// Pull secrets are docker config JSON: an object whose optional "auths" maps registries to objects.
/// Empty means "none given", as in the reference RP.
/// </summary>
public static class PullSecret
{
    public static bool IsValid(string? pullSecret)
    {
        if (string.IsNullOrEmpty(pullSecret))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(pullSecret);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (!root.TryGetProperty("auths", out var auths) || auths.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            return auths.ValueKind == JsonValueKind.Object
                && auths.EnumerateObject().All(a => a.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
