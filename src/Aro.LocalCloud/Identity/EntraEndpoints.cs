using System.Text.Json.Nodes;
using Aro.LocalCloud.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// The local cloud's Entra (the authority host is the local cloud itself): the v2.0 token endpoint's client credentials
/// grant, <c>POST /{tenant}/oauth2/v2.0/token</c> with <c>client_id</c>, <c>client_secret</c> and <c>scope</c>, answered
/// in the shape MSAL (Azure.Identity's <c>ClientSecretCredential</c>) reads; the tenant's OpenID metadata; and the admin
/// side, service principals and their roles under /_localcloud/service-principals.
/// </summary>
internal static class EntraEndpoints
{
    private const string DefaultScopeSuffix = "/.default";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/{tenant}/oauth2/v2.0/token", IssueAsync);
        endpoints.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant) =>
        {
            var authority = $"{context.Request.Scheme}://{context.Request.Host}/{tenant}";
            return Results.Json(new
            {
                issuer = $"{authority}/v2.0",
                authorization_endpoint = $"{authority}/oauth2/v2.0/authorize",
                token_endpoint = $"{authority}/oauth2/v2.0/token",
                token_endpoint_auth_methods_supported = new[] { "client_secret_post" },
                response_types_supported = new[] { "token" },
                grant_types_supported = new[] { "client_credentials" },
            });
        });
        endpoints.MapGet("/_localcloud/service-principals", (ServicePrincipals principals) => Results.Json(new
        {
            strict = principals.Strict,
            servicePrincipals = principals.All,
        }));
        endpoints.MapPut("/_localcloud/service-principals/{clientId}", async (HttpContext context, string clientId, ServicePrincipals principals) =>
        {
            var (ok, body) = await JsonResponse.ReadObjectAsync(context);
            if (!ok || body["secret"]?.GetValue<string>() is not { Length: > 0 } secret)
            {
                return Results.BadRequest(new { message = "The body must be {\"secret\": \"...\", \"roles\": [{\"roleName\": \"...\", \"scope\": \"...\"}]}." });
            }

            var roles = body["roles"] is JsonArray list
                ? list.OfType<JsonObject>().Select(r => new RoleAssignment(r["roleName"]?.GetValue<string>() ?? "", r["scope"]?.GetValue<string>() ?? "")).ToList()
                : [];
            return Results.Json(principals.Register(clientId, secret, roles, body["principalId"]?.GetValue<string>()));
        });
        endpoints.MapDelete("/_localcloud/service-principals/{clientId}", (string clientId, ServicePrincipals principals) =>
            principals.Remove(clientId) ? Results.NoContent() : Results.NotFound());
    }

    private static async Task IssueAsync(HttpContext context, string tenant, ServicePrincipals principals, AccessTokens tokens)
    {
        if (!context.Request.HasFormContentType)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "AADSTS900144: The request body must be application/x-www-form-urlencoded.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        var scope = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (grantType != "client_credentials")
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", $"AADSTS70003: The local cloud supports the client_credentials grant only, not '{grantType}'.");
            return;
        }

        if (clientId.Length == 0 || secret.Length == 0)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "AADSTS900144: The request body must contain client_id and client_secret.");
            return;
        }

        if (!scope.EndsWith(DefaultScopeSuffix, StringComparison.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_scope", $"AADSTS1002012: The provided value for scope '{scope}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
            return;
        }

        var (principal, error, description) = principals.SignIn(clientId, secret, tenant);
        if (principal is null)
        {
            // Entra answers a wrong secret with 401 and an unknown application with 400.
            await ErrorAsync(context, error == "invalid_client" ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, error!, description!);
            return;
        }

        var (token, _) = tokens.Issue(principal, scope[..^DefaultScopeSuffix.Length]);
        var expiresIn = (long)AccessTokens.Lifetime.TotalSeconds;
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["ext_expires_in"] = expiresIn,
            ["access_token"] = token,
        });
    }

    private static Task ErrorAsync(HttpContext context, int statusCode, string error, string description) =>
        JsonResponse.WriteAsync(context, statusCode, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description,
            ["error_codes"] = new JsonArray(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("u"),
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });
}
