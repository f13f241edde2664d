namespace Aro.LocalCloud.Identity;

/// <summary>
/// A built-in role granted to an identity at a scope, as Azure RBAC does: an ARM id prefix
/// (<c>/subscriptions/{sub}</c>, a resource group, or a vault <c>.../providers/Microsoft.KeyVault/vaults/{name}</c>).
/// </summary>
public sealed record RoleAssignment(string RoleName, string Scope)
{
    /// <summary>True when <paramref name="resourcePath"/> is the scope itself or lies under it (ARM ids are case-insensitive).</summary>
    public bool Covers(string resourcePath)
    {
        var scope = Scope.TrimEnd('/');
        return scope.Length == 0
            || resourcePath.Equals(scope, StringComparison.OrdinalIgnoreCase)
            || resourcePath.StartsWith(scope + "/", StringComparison.OrdinalIgnoreCase);
    }
}
