using Aro.Persistence.Scheduling;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string HealthCheckName = "store";

    /// <summary>
    /// Registers the document stores (SQLite in {DataDirectory}/aro.db), secret sealing and purpose MACs with the
    /// file key ring in {DataDirectory}/keys, the scheduled-message store, a start-up initializer and the "store" health check.
    /// </summary>
    public static IServiceCollection AddAroPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .Validate(
                options => !string.IsNullOrWhiteSpace(options.DataDirectory),
                $"{PersistenceOptions.SectionName}:{nameof(PersistenceOptions.DataDirectory)} is required (set ARO_DATA_DIR).")
            .ValidateOnStart();

        services.AddSingleton<ISecretKeyRing>(provider => new FileSecretKeyRing(
            provider.GetRequiredService<IOptions<PersistenceOptions>>().Value.ResolvedKeyDirectory,
            provider.GetService<TimeProvider>()));
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddSingleton<IPurposeMac, HmacPurposeMac>();
        services.AddSingleton<DocumentJsonSerializer>();
        services.AddSingleton(provider => new SqliteDatabase(provider.GetRequiredService<IOptions<PersistenceOptions>>().Value.DataDirectory));

        AddStore<IOpenShiftClusterStore, SqliteOpenShiftClusterStore>(services);
        AddStore<ISubscriptionStore, SqliteSubscriptionStore>(services);
        AddStore<IAsyncOperationStore, SqliteAsyncOperationStore>(services);
        AddStore<IScheduledMessageStore, SqliteScheduledMessageStore>(services);

        services.AddHostedService<PersistenceInitializer>();
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>(HealthCheckName);
        return services;
    }

    private static void AddStore<TStore, TImplementation>(IServiceCollection services)
        where TStore : class
        where TImplementation : class, TStore, IStoreSchema
    {
        // One instance behind both interfaces, so the initializer prepares the very store the application uses.
        services.AddSingleton<TImplementation>();
        services.AddSingleton<TStore>(provider => provider.GetRequiredService<TImplementation>());
        services.AddSingleton<IStoreSchema>(provider => provider.GetRequiredService<TImplementation>());
    }
}
