using Aro.Api.Versioning;
using Aro.Frontend.AsyncOperations;
using Aro.Frontend.Authentication;
using Aro.Frontend.Clusters;
using Aro.Frontend.Operations;
using Aro.Frontend.Paging;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Progress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Frontend;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ARM frontend: its options (section "Frontend"), the api-versions it serves and its
    /// request handlers. The host registers the stores and the bus.
    /// </summary>
    public static IServiceCollection AddAroFrontend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FrontendOptions>()
            .Bind(configuration.GetSection(FrontendOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ApiVersionRegistry.CreateDefault());
        services.AddSingleton<SubscriptionStateCache>();
        services.AddSingleton<ClusterJsonCache>();
        services.AddSingleton<SubscriptionStateValidator>();
        services.AddSingleton<AsyncOperationStarter>();
        services.AddSingleton<AsyncOperationReader>();

        // A frontend composed without the backend's saga still answers operationsstatus (without a step) instead
        // of failing every request while the endpoints are built.
        services.TryAddSingleton<IOperationProgressReader, NoOperationProgress>();
        services.AddSingleton<SkipTokenProtector>();
        services.AddScoped<OpenShiftClusterPutOrPatch>();
        services.AddScoped<ClusterDomainGuard>();
        services.AddScoped<OpenShiftClusterDelete>();
        services.AddScoped<ClusterDeletion>();
        services.AddScoped<SubscriptionClusterDeletion>();
        services.AddScoped(provider => new Admin.FailedClusterDeletion(provider.GetRequiredService<ClusterDeletion>()));
        services.AddAroClientCertificateAuthentication(configuration);
        return services;
    }
}
