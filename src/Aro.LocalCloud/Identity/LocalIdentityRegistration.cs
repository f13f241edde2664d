using Aro.LocalCloud.KeyVault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// The local cloud's Entra side and what depends on it: managed identities and their token endpoint, service
/// principals and the client credentials token endpoint, ARM's check of those tokens and role assignments (and the
/// permissions API answering from them), and the Key Vault data plane. One call each from the service collection and
/// the endpoint mapping.
/// </summary>
internal static class LocalIdentityRegistration
{
    public static IServiceCollection AddLocalIdentitiesAndKeyVault(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ManagedIdentities>();
        services.AddSingleton<ServicePrincipals>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<CallerRoles>();
        services.AddSingleton<CallerPermissions>();
        services.AddSingleton<ArmCallerAuthorization>();
        services.AddSingleton<LocalKeyVaults>();
        services.AddSingleton<KeyVaultCallerAuthorization>();
        services.AddSingleton<KeyVaultRequestHandler>();
        return services;
    }

    public static void MapLocalIdentitiesAndKeyVault(this IEndpointRouteBuilder endpoints)
    {
        ManagedIdentityEndpoints.Map(endpoints);
        EntraEndpoints.Map(endpoints);
        KeyVaultEndpoints.Map(endpoints);
    }

    /// <summary>ARM routes get the token and role checks (for tokens this local cloud issued).</summary>
    public static TBuilder RequireArmCallerAuthorization<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter<TBuilder, ArmCallerAuthorization>();
}
