using Aro.LocalCloud.Identity;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.KeyVault;

/// <summary>
/// Key Vault's RBAC mode: the caller's token must be one the local cloud issued for the vault audience, and the
/// identity must hold a Key Vault data-plane role on the vault (a role assignment whose scope ends with
/// <c>/providers/Microsoft.KeyVault/vaults/{vault}</c>) that allows the operation.
/// </summary>
internal sealed class KeyVaultCallerAuthorization(AccessTokens tokens, ManagedIdentities identities)
{
    public const string Administrator = "Key Vault Administrator";
    public const string Reader = "Key Vault Reader";
    public const string SecretsUser = "Key Vault Secrets User";
    public const string SecretsOfficer = "Key Vault Secrets Officer";
    public const string CertificateUser = "Key Vault Certificate User";
    public const string CertificatesOfficer = "Key Vault Certificates Officer";

    /// <summary>True when the caller may go on; otherwise the error response has been written.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, string vault, string action, string[] roles)
    {
        var token = BearerToken.From(context.Request);
        if (token is null)
        {
            await KeyVaultError.ChallengeAsync(context, "AKV10000: Request is missing a Bearer or PoP token.");
            return false;
        }

        var validation = tokens.Validate(token);
        if (!validation.IsValid)
        {
            await KeyVaultError.ChallengeAsync(context, "AKV10032: Invalid issuer or token. " + validation.Error);
            return false;
        }

        if (!string.Equals(validation.Audience.TrimEnd('/'), KeyVaultError.Resource, StringComparison.OrdinalIgnoreCase))
        {
            await KeyVaultError.ChallengeAsync(context, $"AKV10022: Invalid audience. Expected {KeyVaultError.Resource}, found: {validation.Audience}.");
            return false;
        }

        var identity = identities.Find(validation.ClientId);
        if (identity is null || !identity.Roles.Any(role => roles.Contains(role.RoleName, StringComparer.OrdinalIgnoreCase) && CoversVault(role, vault)))
        {
            await KeyVaultError.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                $"Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid={validation.ClientId};oid={validation.PrincipalId}\r\nAction: '{action}'\r\nVault: {vault}",
                "ForbiddenByRbac");
            return false;
        }

        return true;
    }

    private static bool CoversVault(RoleAssignment role, string vault) =>
        role.Scope.TrimEnd('/').EndsWith("/providers/Microsoft.KeyVault/vaults/" + vault, StringComparison.OrdinalIgnoreCase);
}
