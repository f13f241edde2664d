using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aro.LocalCloud.KeyVault;

/// <summary>
/// Maps the Key Vault data plane on the hosts <c>{vault}.vault.localhost</c> (any port), as Azure serves each vault on
/// <c>{vault}.vault.azure.net</c>: the SDK's challenge check wants the vault host to end with the challenge's resource
/// host. Names under .localhost are loopback (RFC 6761); clients that do not resolve them themselves connect to the
/// local cloud's address and send the vault's name as the host.
/// </summary>
internal static class KeyVaultEndpoints
{
    public const string HostPattern = "*.vault.localhost";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/secrets/{**rest}", (HttpContext context, KeyVaultRequestHandler handler) => handler.HandleAsync(context, "secrets"))
            .RequireHost(HostPattern);
        endpoints.Map("/certificates/{**rest}", (HttpContext context, KeyVaultRequestHandler handler) => handler.HandleAsync(context, "certificates"))
            .RequireHost(HostPattern);
    }
}
