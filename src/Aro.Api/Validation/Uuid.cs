namespace Aro.Api.Validation;

/// <summary>UUIDs as ARM and the reference RP accept them: the canonical 8-4-4-4-12 hex form only.</summary>
public static class Uuid
{
    public static bool IsValid(string? value) => Guid.TryParseExact(value, "D", out _);
}
