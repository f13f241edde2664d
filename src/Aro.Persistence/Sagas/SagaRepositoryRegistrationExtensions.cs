using Aro.Persistence.Cosmos;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Persistence.Sagas;

public static class SagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Persists the saga in the store that <c>Persistence:Store</c> (ARO_STORE) selects, the same one AddAroPersistence
    /// gives the documents: the embedded SQLite database or Cosmos DB. The choice is made when the container first
    /// resolves the repository, so a host registers its sagas the same way whatever the store.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> AroRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISagaVersion =>
        configurator.Repository(repository =>
        {
            repository.AddSingleton(provider => new SqliteSagaRepository<TSaga>(provider.GetRequiredService<SqliteDatabase>()));
            repository.AddSingleton(provider => new CosmosSagaRepository<TSaga>(provider.GetRequiredService<CosmosDatabase>()));
            repository.AddSagaInstanceStore<TSaga>(provider =>
                provider.GetRequiredService<IOptions<PersistenceOptions>>().Value.UsesCosmos
                    ? provider.GetRequiredService<CosmosSagaRepository<TSaga>>()
                    : provider.GetRequiredService<SqliteSagaRepository<TSaga>>());
        });

    /// <summary>
    /// Persists the saga in the embedded SQLite database, one table per saga type. Without
    /// <paramref name="database"/> the database is the one AddAroPersistence registers ({DataDirectory}/aro.db).
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> SqliteRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Func<IServiceProvider, SqliteDatabase>? database = null,
        string? tableName = null)
        where TSaga : class, ISagaVersion =>
        configurator.Repository(repository =>
        {
            repository.AddSingleton(provider => new SqliteSagaRepository<TSaga>(
                database?.Invoke(provider) ?? provider.GetRequiredService<SqliteDatabase>(),
                tableName));
            repository.AddSagaInstanceStore<TSaga>(provider => provider.GetRequiredService<SqliteSagaRepository<TSaga>>());
        });

    /// <summary>
    /// Persists the saga in Cosmos DB, one container per saga type (partitioned by correlation id). Without
    /// <paramref name="database"/> the database is the one AddAroPersistence registers (Persistence:Cosmos).
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> CosmosRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Func<IServiceProvider, CosmosDatabase>? database = null,
        string? containerName = null)
        where TSaga : class, ISagaVersion =>
        configurator.Repository(repository =>
        {
            repository.AddSingleton(provider => new CosmosSagaRepository<TSaga>(
                database?.Invoke(provider) ?? provider.GetRequiredService<CosmosDatabase>(),
                containerName));
            repository.AddSagaInstanceStore<TSaga>(provider => provider.GetRequiredService<CosmosSagaRepository<TSaga>>());
        });

    private static void AddSagaInstanceStore<TSaga>(
        this ISagaRepositoryRegistrationConfigurator<TSaga> repository,
        Func<IServiceProvider, ISagaInstanceStore<TSaga>> store)
        where TSaga : class, ISagaVersion
    {
        repository.AddSingleton(store);
        // The persistence initializer creates the table or container at start-up, as it does for the document stores.
        repository.AddSingleton<IStoreSchema>(provider => provider.GetRequiredService<ISagaInstanceStore<TSaga>>());
        repository.RegisterSagaRepository<TSaga, ISagaInstanceStore<TSaga>, SagaConsumeContextFactory<ISagaInstanceStore<TSaga>, TSaga>, SagaInstanceRepositoryContextFactory<TSaga>>();
        repository.RegisterLoadSagaRepository<TSaga, SagaInstanceRepositoryContextFactory<TSaga>>();
        repository.RegisterQuerySagaRepository<TSaga, SagaInstanceRepositoryContextFactory<TSaga>>();
    }
}
