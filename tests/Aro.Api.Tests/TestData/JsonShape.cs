using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aro.Api.Tests.TestData;

/// <summary>Compares JSON documents by shape: the same property names at every level and the same array lengths.</summary>
public static class JsonShape
{
    /// <summary>The first path where the shapes differ, or null.</summary>
    public static string? FindDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                var expectedKeys = expectedObject.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                var actualKeys = actualObject.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    return $"{path}: expected keys [{string.Join(", ", expectedKeys)}] but found [{string.Join(", ", actualKeys)}]";
                }

                return expectedKeys.Select(k => FindDifference(expectedObject[k], actualObject[k], $"{path}.{k}")).FirstOrDefault(d => d is not null);
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} items but found {actualArray.Count}";
                }

                return expectedArray.Select((e, i) => FindDifference(e, actualArray[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case null:
                return actual is null ? null : $"{path}: expected null";
            default:
                return expected.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array || actual is null || actual.GetValueKind() != expected.GetValueKind()
                    ? $"{path}: expected a {expected.GetValueKind()} but found {actual?.GetValueKind()}"
                    : null;
        }
    }
}
