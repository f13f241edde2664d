using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// The service principals the local cloud's Entra signs in with client credentials, by client id. A registered one
/// must present its secret and holds exactly its roles. An unknown client id is, by default, signed in with any secret
/// and holds Network Contributor everywhere, so development and tests that invent a client id per cluster keep
/// working; with <see cref="LocalCloudOptions.StrictServicePrincipals"/> it is refused, as Entra refuses it.
/// </summary>
public sealed class ServicePrincipals(LocalCloudOptions options)
{
    /// <summary>What an unknown client id holds when the local cloud is not strict.</summary>
    public static readonly IReadOnlyList<RoleAssignment> LenientRoles = [new RoleAssignment(RoleDefinitions.NetworkContributor, "")];

    private readonly ConcurrentDictionary<string, ServicePrincipal> _principals = new(StringComparer.OrdinalIgnoreCase);

    public bool Strict => options.StrictServicePrincipals;

    /// <summary>Registers (or replaces) a service principal; its object id is derived from the client id unless given.</summary>
    public ServicePrincipal Register(string clientId, string secret, IEnumerable<RoleAssignment> roles, string? principalId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var principal = new ServicePrincipal(clientId, principalId ?? DerivePrincipalId(clientId), secret, [.. roles]);
        _principals[clientId] = principal;
        return principal;
    }

    public bool Remove(string clientId) => _principals.TryRemove(clientId, out _);

    public ServicePrincipal? Find(string clientId) => _principals.GetValueOrDefault(clientId);

    public IReadOnlyList<ServicePrincipal> All => [.. _principals.Values];

    /// <summary>Forgets every registration (a clean slate between tests sharing a server).</summary>
    public void Clear() => _principals.Clear();

    /// <summary>The client credentials grant: the principal the token is for, or Entra's error code and description.</summary>
    public (ServicePrincipal? Principal, string? Error, string? Description) SignIn(string clientId, string secret, string tenantId)
    {
        if (Find(clientId) is { } registered)
        {
            return FixedTimeEquals(registered.Secret, secret)
                ? (registered, null, null)
                : (null, "invalid_client", $"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");
        }

        return Strict
            ? (null, "unauthorized_client", $"AADSTS700016: Application with identifier '{clientId}' was not found in the directory '{tenantId}'.")
            : (new ServicePrincipal(clientId, DerivePrincipalId(clientId), secret, LenientRoles), null, null);
    }

    /// <summary>The roles of a client id that signed in here: its registered roles, or (not strict) what an unknown one holds.</summary>
    public IReadOnlyList<RoleAssignment>? RolesOf(string clientId) =>
        Find(clientId)?.Roles ?? (Strict ? null : LenientRoles);

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private static string DerivePrincipalId(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("service-principal:" + clientId));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
