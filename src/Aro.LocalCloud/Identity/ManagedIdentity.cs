namespace Aro.LocalCloud.Identity;

/// <summary>A user-assigned managed identity of the local cloud: the client id it is asked for by, its object id, its roles.</summary>
public sealed record ManagedIdentity(string ClientId, string PrincipalId, IReadOnlyList<RoleAssignment> Roles);
