using Aro.Consumers.Credentials;
using Aro.Consumers.Pki;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Consumers.Ignition;

public static class IgnitionAndCredentialsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the services behind <see cref="GenerateIgnitionConsumer"/> and
    /// <see cref="IssueCredentialsConsumer"/>. The host provides <see cref="Clusters.IClusterDocuments"/>,
    /// <see cref="IIgnitionStore"/> and the <c>Cloud</c> options (the RP's zone completes managed domains); an <see cref="IKubernetesEndpointResolver"/> registered by the
    /// host (before or after this call) takes the place of <see cref="ApiServerEndpointResolver"/>.
    /// </summary>
    public static IServiceCollection AddAroIgnitionAndCredentials(this IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterPkiIssuer>();
        services.TryAddSingleton<IKubernetesEndpointResolver, ApiServerEndpointResolver>();
        services.TryAddScoped<ClusterPkiEnsurer>();
        services.TryAddScoped<PkiStepStart>();
        services.TryAddScoped<IIgnitionService, IgnitionService>();
        services.TryAddScoped<ICredentialsService, CredentialsService>();
        return services;
    }
}
