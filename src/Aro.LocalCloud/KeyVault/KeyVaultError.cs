using System.Text.Json.Nodes;
using Aro.LocalCloud.Hosting;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.KeyVault;

/// <summary>Key Vault's error bodies, {"error":{"code","message"[,"innererror"]}}, with the codes Key Vault uses.</summary>
internal static class KeyVaultError
{
    /// <summary>The audience Key Vault's challenge names; a vault host <c>{name}.vault.localhost</c> ends with it, as SDKs verify.</summary>
    public const string Resource = "https://vault.localhost";

    /// <summary>Where a token would come from; the SDK only reads the tenant from it (managed identity ignores it).</summary>
    public const string Authority = "https://login.localcloud/00000000-0000-0000-0000-00000000a70e";

    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message, string? innerCode = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode };
        }

        return JsonResponse.WriteAsync(context, statusCode, new JsonObject { ["error"] = error });
    }

    /// <summary>401 with the bearer challenge the SDK answers by getting a token for <see cref="Resource"/> and retrying.</summary>
    public static Task ChallengeAsync(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer authorization=\"{Authority}\", resource=\"{Resource}\"";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", message);
    }

    public static Task NotFoundAsync(HttpContext context, string kind, string name) =>
        WriteAsync(context, StatusCodes.Status404NotFound, kind + "NotFound",
            $"A {kind.ToLowerInvariant()} with (name/id) {name} was not found in this key vault. If you recently deleted this {kind.ToLowerInvariant()} you may be able to recover it using the correct recovery command.");

    public static Task BadParameterAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "BadParameter", message);
}
