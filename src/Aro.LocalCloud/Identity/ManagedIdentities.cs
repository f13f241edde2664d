using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// The identities the local cloud issues tokens for, by client id, and the secret callers of the token endpoint must
/// present (App Service's <c>IDENTITY_HEADER</c>). An identity that is not registered gets no token, as on Azure.
/// </summary>
public sealed class ManagedIdentities
{
    private readonly ConcurrentDictionary<string, ManagedIdentity> _identities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value a process puts in <c>IDENTITY_HEADER</c>; random per local cloud, so only processes it was given to get tokens.</summary>
    public string Header { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Registers (or replaces) an identity; its object id is derived from the client id unless given.</summary>
    public ManagedIdentity Register(string clientId, IEnumerable<RoleAssignment> roles, string? principalId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        var identity = new ManagedIdentity(clientId, principalId ?? DerivePrincipalId(clientId), [.. roles]);
        _identities[clientId] = identity;
        return identity;
    }

    /// <summary>Adds a role to a registered identity (a role assignment created after the identity).</summary>
    public ManagedIdentity Assign(string clientId, RoleAssignment role)
    {
        var updated = _identities.AddOrUpdate(
            clientId,
            _ => throw new KeyNotFoundException($"No managed identity with client id '{clientId}'."),
            (_, existing) => existing with { Roles = [.. existing.Roles, role] });
        return updated;
    }

    public bool Remove(string clientId) => _identities.TryRemove(clientId, out _);

    public ManagedIdentity? Find(string clientId) => _identities.GetValueOrDefault(clientId);

    public IReadOnlyList<ManagedIdentity> All => [.. _identities.Values];

    private static string DerivePrincipalId(string clientId)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("principal:" + clientId));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
