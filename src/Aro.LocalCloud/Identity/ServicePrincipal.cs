using System.Text.Json.Serialization;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// An application registration of the local cloud's Entra with its client secret, as a customer creates one for a
/// cluster (<c>az ad sp create-for-rbac</c>): the client id it signs in with, its object id and its roles.
/// </summary>
public sealed record ServicePrincipal(string ClientId, string PrincipalId, [property: JsonIgnore] string Secret, IReadOnlyList<RoleAssignment> Roles);
