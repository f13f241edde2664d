using Aro.LocalCloud.Arm;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// What ARM checks before it serves a request made with a token this local cloud issued: the token is genuine and
/// current (401 InvalidAuthenticationToken otherwise) and the managed identity or service principal holds a role whose
/// definition (<see cref="RoleDefinitions"/>) allows the action at a scope covering the resource (403
/// AuthorizationFailed, worded as ARM words it). Requests with any other bearer token (the
/// static development token) keep being served as before, so the local cloud's existing callers are unaffected.
/// </summary>
internal sealed class ArmCallerAuthorization(AccessTokens tokens, CallerRoles callerRoles) : IEndpointFilter
{
    // The error is written already; a null result would have the endpoint write "null" after it, on a started response.
    private static readonly IResult Answered = Results.Empty;
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var token = BearerToken.From(context.Request);
        if (token is null || !AccessTokens.LooksIssuedHere(token))
        {
            return await next(invocation);
        }

        var validation = tokens.Validate(token);
        if (!validation.IsValid)
        {
            await ArmError.WriteAsync(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", validation.Error!);
            return Answered;
        }

        var path = context.Request.Path.Value!.TrimEnd('/');
        if (!path.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase))
        {
            return await next(invocation);
        }

        if (CallerPermissions.ScopeOf(path) is not null)
        {
            // Any principal may list its own permissions at any scope; what it may do there is the answer.
            return await next(invocation);
        }

        var action = ActionOf(path, context.Request.Method);
        if (callerRoles.Of(validation) is not { } roles || !RoleDefinitions.Allow(roles, path, action))
        {
            await ArmError.WriteAsync(context, StatusCodes.Status403Forbidden, "AuthorizationFailed",
                $"The client '{validation.ClientId}' with object id '{validation.PrincipalId}' does not have authorization to perform action '{action}' over scope '{path}' or the scope is invalid. If access was recently granted, please refresh your credentials.");
            return Answered;
        }

        return await next(invocation);
    }

    /// <summary>The operation ARM names in its error, e.g. Microsoft.Network/virtualNetworks/write.</summary>
    internal static string ActionOf(string path, string method)
    {
        var verb = HttpMethods.IsDelete(method) ? "delete" : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? "read" : "write";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var providers = Array.FindLastIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        if (providers < 0 || providers + 2 >= segments.Length)
        {
            var type = segments.Length >= 3 && segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
                ? "Microsoft.Resources/subscriptions/resourceGroups"
                : "Microsoft.Resources/subscriptions";
            return $"{type}/{verb}";
        }

        // providers/{namespace}/{type}/{name}[/{childType}/{childName}...]: the namespace, then every type segment.
        var types = segments.Skip(providers + 2).Where((_, index) => index % 2 == 0);
        return $"{segments[providers + 1]}/{string.Join('/', types)}/{verb}";
    }
}
