namespace Aro.LocalCloud.Identity;

/// <summary>A user-assigned managed identity of the local cloud: the client id it is asked for by, its object id, its roles.</summary>
public sealed record ManagedIdentity(string ClientId, string PrincipalId, IReadOnlyList<RoleAssignment> Roles)
{
    /// <summary>True when one of <paramref name="roleNames"/> is assigned to this identity at a scope covering <paramref name="resourcePath"/>.</summary>
    public bool HasAnyRole(string resourcePath, params string[] roleNames) =>
        Roles.Any(role => roleNames.Contains(role.RoleName, StringComparer.OrdinalIgnoreCase) && role.Covers(resourcePath));
}
