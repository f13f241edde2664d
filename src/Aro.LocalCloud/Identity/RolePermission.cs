namespace Aro.LocalCloud.Identity;

/// <summary>One entry of a role definition's permissions: the actions it grants, less those it excludes.</summary>
public sealed record RolePermission(IReadOnlyList<string> Actions, IReadOnlyList<string> NotActions)
{
    public bool Allows(string action) =>
        Actions.Any(pattern => ActionPattern.Matches(pattern, action))
        && !NotActions.Any(pattern => ActionPattern.Matches(pattern, action));
}
