using System.Text.RegularExpressions;

namespace Aro.Cloud.Authorization;

/// <summary>
/// One entry of what ARM's permissions API says a caller may do at a scope: the actions granted, less the actions
/// excluded. Patterns match as Azure RBAC matches them: ignoring case, <c>*</c> standing for any run of characters.
/// </summary>
public sealed record Permission(IReadOnlyList<string> Actions, IReadOnlyList<string> NotActions)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public bool Allows(string action) =>
        Actions.Any(pattern => Matches(pattern, action)) && !NotActions.Any(pattern => Matches(pattern, action));

    /// <summary>True when any entry allows <paramref name="action"/>: a caller's roles add up, each role's exclusions applying to it alone.</summary>
    public static bool AnyAllows(IEnumerable<Permission> permissions, string action) => permissions.Any(p => p.Allows(action));

    // The pattern as an anchored regular expression, every character literal but '*'. The local cloud, which plays
    // Azure's side in tests, matches with its own code: one shared matcher would pass its own bugs.
    private static bool Matches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "\\z",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
}
