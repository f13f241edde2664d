using System.Text.RegularExpressions;

namespace Aro.Api.Validation;

/// <summary>Resource group ids as the reference RP accepts them.</summary>
public static partial class ResourceGroupId
{
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex(@"^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/resourceGroups/[-a-z0-9_().]{0,89}[-a-z0-9_()]\z", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
