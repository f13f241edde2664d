using System.Text.Json.Nodes;
using Aro.LocalCloud.Arm;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// ARM's <c>GET {scope}/providers/Microsoft.Authorization/permissions</c>: what the caller may do at a scope, one
/// <c>{actions, notActions}</c> entry per role assigned to it at a covering scope, computed from
/// <see cref="RoleDefinitions"/>. The static development token (not issued here) may do everything, as it always could.
/// </summary>
internal sealed class CallerPermissions(AccessTokens tokens, CallerRoles callerRoles, LocalCloudStore store)
{
    private const string Suffix = "/providers/Microsoft.Authorization/permissions";

    /// <summary>The scope of a permissions request path, or null when the path is not one.</summary>
    public static string? ScopeOf(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? trimmed[..^Suffix.Length] : null;
    }

    public async Task HandleAsync(HttpContext context, string scope)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await ArmError.MethodNotAllowedAsync(context);
            return;
        }

        if (!Exists(scope))
        {
            await ArmError.WriteAsync(context, StatusCodes.Status404NotFound, "ResourceNotFound", $"The resource '{scope}' was not found.");
            return;
        }

        var token = BearerToken.From(context.Request);
        IEnumerable<RolePermission> permissions = token is not null && AccessTokens.LooksIssuedHere(token)
            ? (callerRoles.Of(tokens.Validate(token)) ?? [])
                .Where(role => role.Covers(scope))
                .Select(role => RoleDefinitions.Find(role.RoleName))
                .OfType<RolePermission>()
            : [new RolePermission(["*"], [])];
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["value"] = new JsonArray([.. permissions.Select(p => (JsonNode)new JsonObject
            {
                ["actions"] = new JsonArray([.. p.Actions.Select(a => (JsonNode)a)]),
                ["notActions"] = new JsonArray([.. p.NotActions.Select(a => (JsonNode)a)]),
                ["dataActions"] = new JsonArray(),
                ["notDataActions"] = new JsonArray(),
            })]),
        });
    }

    /// <summary>A subscription always exists here; a resource group or resource only once created.</summary>
    private bool Exists(string scope)
    {
        var segments = scope.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length <= 2 || store.Read(state => state.Resources.ContainsKey(ArmResourcePath.Key(scope)));
    }
}
