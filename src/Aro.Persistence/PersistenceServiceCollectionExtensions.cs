using Aro.Persistence.Cosmos;
using Aro.Persistence.Scheduling;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Aro.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string HealthCheckName = "store";

    /// <summary>
    /// Registers the document stores that <c>Persistence:Store</c> selects (sqlite: {DataDirectory}/aro.db, the default;
    /// cosmos: the Persistence:Cosmos account), the scheduled-message store, secret sealing and purpose MACs with the
    /// file key ring in {DataDirectory}/keys, a start-up initializer and the "store" health check. Sagas registered
    /// with <c>AroRepository()</c> follow the same selection.
    /// </summary>
    public static IServiceCollection AddAroPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>();

        services.AddSingleton<ISecretKeyRing>(provider => new FileSecretKeyRing(
            Options(provider).ResolvedKeyDirectory,
            provider.GetService<TimeProvider>()));
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddSingleton<IPurposeMac, HmacPurposeMac>();
        services.AddSingleton<DocumentJsonSerializer>();

        // Both stores are registered, and only the selected one is ever created: nothing touches a disk or an
        // account the configuration did not ask for.
        services.AddSingleton(provider => new SqliteDatabase(Options(provider).DataDirectory));
        // With no key, the account is reached with the host's Entra ID credential (registered by the host that chose it).
        services.AddSingleton(provider => new CosmosDatabase(
            Options(provider).Cosmos,
            Options(provider).Cosmos.UseAzureCredential ? provider.GetRequiredService<Azure.Core.TokenCredential>() : null));
        AddStore<IOpenShiftClusterStore, SqliteOpenShiftClusterStore, CosmosOpenShiftClusterStore>(services);
        AddStore<ISubscriptionStore, SqliteSubscriptionStore, CosmosSubscriptionStore>(services);
        AddStore<IAsyncOperationStore, SqliteAsyncOperationStore, CosmosAsyncOperationStore>(services);
        AddStore<IScheduledMessageStore, SqliteScheduledMessageStore, CosmosScheduledMessageStore>(services);

        services.AddSingleton<StoreReadiness>();
        services.AddHostedService<PersistenceInitializer>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            HealthCheckName,
            provider => Options(provider).UsesCosmos
                ? ActivatorUtilities.GetServiceOrCreateInstance<CosmosHealthCheck>(provider)
                : ActivatorUtilities.GetServiceOrCreateInstance<SqliteHealthCheck>(provider),
            failureStatus: null,
            tags: null));
        return services;
    }

    private static PersistenceOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<PersistenceOptions>>().Value;

    private static void AddStore<TStore, TSqlite, TCosmos>(IServiceCollection services)
        where TStore : class
        where TSqlite : class, TStore, IStoreSchema
        where TCosmos : class, TStore, IStoreSchema
    {
        // One instance behind both interfaces, so the initializer prepares the very store the application uses.
        services.AddSingleton<TSqlite>();
        services.AddSingleton<TCosmos>();
        services.AddSingleton(provider => Selected<TStore, TSqlite, TCosmos>(provider));
        // From the implementation, not from TStore: a host (or a test) that replaces the store keeps the schema.
        services.AddSingleton(provider => Selected<IStoreSchema, TSqlite, TCosmos>(provider));
    }

    private static TService Selected<TService, TSqlite, TCosmos>(IServiceProvider provider)
        where TSqlite : class, TService
        where TCosmos : class, TService =>
        Options(provider).UsesCosmos ? provider.GetRequiredService<TCosmos>() : provider.GetRequiredService<TSqlite>();
}
