namespace Aro.Api.Validation;

/// <summary>UUIDs as ARM and the reference RP accept them: the canonical 8-4-4-4-12 hex form only.</summary>
public static class Uuid
{
    private const int CanonicalLength = 36;

    /// <summary>
    /// Exactly 36 characters: <see cref="Guid.TryParseExact(string, string, out Guid)"/> alone trims surrounding
    /// whitespace, so a trailing newline or space would pass.
    /// </summary>
    public static bool IsValid(string? value) =>
        value is { Length: CanonicalLength } && Guid.TryParseExact(value, "D", out _);
}
