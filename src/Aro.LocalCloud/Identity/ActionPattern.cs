namespace Aro.LocalCloud.Identity;

/// <summary>
/// Azure RBAC's action patterns: an action such as <c>Microsoft.Network/virtualNetworks/join/action</c> is matched,
/// ignoring case, by itself or by a pattern whose <c>*</c> stands for any run of characters (<c>*</c>,
/// <c>Microsoft.Network/*</c>, <c>*/read</c>).
/// </summary>
internal static class ActionPattern
{
    public static bool Matches(string pattern, string action) => Matches(pattern.AsSpan(), action.AsSpan());

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
