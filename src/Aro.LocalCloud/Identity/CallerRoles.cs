namespace Aro.LocalCloud.Identity;

/// <summary>The role assignments of the caller a token this local cloud issued names, from the registry its kind lives in.</summary>
internal sealed class CallerRoles(ManagedIdentities identities, ServicePrincipals servicePrincipals)
{
    /// <summary>The caller's roles, or null when it is not (any more) known.</summary>
    public IReadOnlyList<RoleAssignment>? Of(TokenValidation token) => token.Kind == PrincipalKind.ServicePrincipal
        ? servicePrincipals.RolesOf(token.ClientId)
        : identities.Find(token.ClientId)?.Roles;
}
