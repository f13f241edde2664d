using System.Globalization;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// The managed-identity token endpoint in App Service's shape (api-version 2019-08-01), which Azure.Identity's
/// <c>ManagedIdentityCredential</c> calls when <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c> are set:
/// <c>GET {endpoint}?api-version=2019-08-01&amp;resource=...&amp;client_id=...</c> with the header's value in
/// <c>X-IDENTITY-HEADER</c>. Plus the admin side: identities and their roles under /_localcloud/identities.
/// </summary>
internal static class ManagedIdentityEndpoints
{
    public const string TokenPath = "/_identity/msi/token";
    public const string ApiVersion = "2019-08-01";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TokenPath, IssueAsync);
        endpoints.MapGet("/_localcloud/identities", (HttpContext context, ManagedIdentities identities) => Results.Json(new
        {
            endpoint = new Uri(new Uri($"{context.Request.Scheme}://{context.Request.Host}"), TokenPath).ToString(),
            header = identities.Header,
            identities = identities.All,
        }));
        endpoints.MapPut("/_localcloud/identities/{clientId}", async (HttpContext context, string clientId, ManagedIdentities identities) =>
        {
            var (ok, body) = await JsonResponse.ReadObjectAsync(context);
            var roles = ok && body["roles"] is JsonArray list
                ? list.OfType<JsonObject>().Select(r => new RoleAssignment(r["roleName"]?.GetValue<string>() ?? "", r["scope"]?.GetValue<string>() ?? "")).ToList()
                : [];
            return Results.Json(identities.Register(clientId, roles, ok ? body["principalId"]?.GetValue<string>() : null));
        });
        endpoints.MapDelete("/_localcloud/identities/{clientId}", (string clientId, ManagedIdentities identities) =>
            identities.Remove(clientId) ? Results.NoContent() : Results.NotFound());
    }

    private static async Task IssueAsync(HttpContext context, ManagedIdentities identities, AccessTokens tokens)
    {
        var query = context.Request.Query;
        if (!string.Equals(context.Request.Headers["X-IDENTITY-HEADER"], identities.Header, StringComparison.Ordinal))
        {
            // App Service answers a missing or wrong secret header with 401; the caller is not the app.
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
            return;
        }

        if (query["api-version"] != ApiVersion)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, $"api-version must be {ApiVersion}.");
            return;
        }

        var resource = query["resource"].ToString();
        if (string.IsNullOrWhiteSpace(resource))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "The resource parameter is required.");
            return;
        }

        var clientId = query["client_id"].ToString();
        if (string.IsNullOrEmpty(clientId))
        {
            // No system-assigned identity here: the RP always names the user-assigned identity it runs as.
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "No system-assigned identity: pass client_id (ARO_MANAGED_IDENTITY_CLIENT_ID).");
            return;
        }

        if (identities.Find(clientId) is not { } identity)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, $"Unable to load the proper Managed Identity: no identity with client id '{clientId}' is assigned.");
            return;
        }

        var (token, expiresOn) = tokens.Issue(identity, resource);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = token,
            ["expires_on"] = expiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = identity.ClientId,
        });
    }

    private static Task ErrorAsync(HttpContext context, int statusCode, string message) =>
        JsonResponse.WriteAsync(context, statusCode, new JsonObject
        {
            ["statusCode"] = statusCode,
            ["message"] = message,
            ["correlationId"] = Guid.NewGuid().ToString(),
        });
}
