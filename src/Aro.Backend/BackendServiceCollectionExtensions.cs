using Aro.Backend.Recovery;
using Aro.Cloud;
using Aro.Consumers;
using Aro.Consumers.Clusters;
using Aro.Consumers.Projection;
using Aro.Consumers.ServicePrincipals;
using Aro.Messaging;
using Aro.Messaging.Scheduling;
using Aro.Orchestration;
using Aro.Persistence.Sagas;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Backend;

public static class BackendServiceCollectionExtensions
{
    /// <summary>
    /// The backend's services: the consumers' views of the store, the cloud adapters, the saga's options,
    /// the reconciler and the sweeper of expired operation records. Its bus registrations are <see cref="AddAroBackendEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddAroBackend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterLifecycleOptions>().Bind(configuration.GetSection(ClusterLifecycleOptions.SectionName));
        services.AddOptions<BackendOptions>()
            .Bind(configuration.GetSection(BackendOptions.SectionName))
            .Validate(o => o.ReconcileInterval > TimeSpan.Zero, "Backend:ReconcileInterval must be positive.")
            .Validate(o => o.StaleAfter >= TimeSpan.Zero, "Backend:StaleAfter must not be negative.")
            .Validate(o => o.AsyncOperationRetentionDays is >= 1 and <= 365, "Backend:AsyncOperationRetentionDays must be between 1 and 365.")
            .Validate(o => o.RetentionSweepInterval > TimeSpan.Zero, "Backend:RetentionSweepInterval must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClusterOperationStore, StoredClusterDocuments>();
        services.AddSingleton<IClusterDocuments>(provider => provider.GetRequiredService<IClusterOperationStore>());
        services.AddSingleton<ISubscriptionTenants, StoredSubscriptionTenants>();
        services.AddAroCloud(configuration);
        services.AddSingleton<StartupRecovery>();
        services.AddHealthChecks().AddCheck<StartupRecoveryHealthCheck>("backend-startup-recovery");
        services.AddHostedService<UnsettledOperationReconciler>();
        services.AddHostedService<ExpiredAsyncOperationSweeper>();
        return services;
    }

    /// <summary>
    /// The lifecycle saga (persisted in the store ARO_STORE selects) and every consumer, each on its own endpoint; on a
    /// transport that cannot schedule (RabbitMQ) also the store-backed scheduler's endpoint and delivery, which keep the
    /// saga's step timeouts.
    /// </summary>
    public static IBusRegistrationConfigurator AddAroBackendEndpoints(this IBusRegistrationConfigurator bus, IMessageTransport transport)
    {
        bus.AddAroOrchestration(saga => saga.AroRepository());
        bus.AddAroConsumers();
        if (transport.SchedulesThroughStore)
        {
            bus.AddStoredMessageScheduler();
        }

        return bus;
    }
}
