using Aro.LocalCloud.Arm;
using Aro.LocalCloud.Authentication;
using Aro.LocalCloud.Blobs;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Identity;
using Aro.LocalCloud.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.LocalCloud;

public static class LocalCloudEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the emulator's endpoints: ARM (/subscriptions, /providers), blobs (/_blob/{account}/..., and path-style /{account}/... on IP hosts), simulated
    /// clusters (/_kubernetes), ARM's authentication metadata (/metadata/authentication), managed identities (/_identity) and Key Vault (on {vault}.vault.localhost) and the admin API (/_localcloud). The RP's own ARM API also lives under
    /// /subscriptions, so a host mounting both restricts this group to the emulator's listener, e.g.
    /// <c>app.MapAroLocalCloud().RequireHost("*:8444")</c>.
    /// </summary>
    public static RouteGroupBuilder MapAroLocalCloud(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        ArmAuthenticationMetadataEndpoints.Map(group);
        group.Map("/subscriptions/{**rest}", (HttpContext context, ArmRequestHandler handler) => handler.HandleAsync(context)).RequireArmCallerAuthorization();
        group.Map("/providers/{**rest}", (HttpContext context, ArmRequestHandler handler) => handler.HandleAsync(context)).RequireArmCallerAuthorization();
        group.MapLocalIdentitiesAndKeyVault();
        group.Map("/_blob/{**rest}", (HttpContext context, BlobRequestHandler handler) => handler.HandleAsync(context, pathStyle: false));

        // Literal first segments above take precedence, so this only sees what no other route claims.
        group.Map("/{account}/{container}/{**blob}", (HttpContext context, BlobRequestHandler handler) => handler.HandleAsync(context, pathStyle: true));
        group.MapPost("/{account}", (HttpContext context, BlobRequestHandler handler) => handler.HandleAsync(context, pathStyle: true)); // account-level calls (user delegation keys)
        group.Map("/_kubernetes/{clusterKey}/{**rest}",
            (HttpContext context, string clusterKey, KubernetesRequestHandler handler) => handler.HandleAsync(context, clusterKey));
        AdminEndpoints.Map(group.MapGroup("/_localcloud"));
        return group;
    }
}
