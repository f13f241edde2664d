namespace Aro.Cloud.Authorization;

/// <summary>
/// One entry of what ARM's permissions API says a caller may do at a scope: the actions granted, less the actions
/// excluded. Patterns match as Azure RBAC matches them: ignoring case, <c>*</c> standing for any run of characters.
/// </summary>
public sealed record Permission(IReadOnlyList<string> Actions, IReadOnlyList<string> NotActions)
{
    public bool Allows(string action) =>
        Actions.Any(pattern => Matches(pattern, action)) && !NotActions.Any(pattern => Matches(pattern, action));

    /// <summary>True when any entry allows <paramref name="action"/>: a caller's roles add up, each role's exclusions applying to it alone.</summary>
    public static bool AnyAllows(IEnumerable<Permission> permissions, string action) => permissions.Any(p => p.Allows(action));

    private static bool Matches(string pattern, string action) => Matches(pattern.AsSpan(), action.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> action)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.Equals(action, StringComparison.OrdinalIgnoreCase);
        }

        if (!action.StartsWith(pattern[..star], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        for (var start = star; start <= action.Length; start++)
        {
            if (Matches(rest, action[start..]))
            {
                return true;
            }
        }

        return false;
    }
}
