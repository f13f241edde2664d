using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Persistence.Sagas;

public static class SqliteSagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Persists the saga in the embedded SQLite database, one table per saga type. Without
    /// <paramref name="database"/> the database is the one AddAroPersistence registers ({DataDirectory}/aro.db).
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> SqliteRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Func<IServiceProvider, SqliteDatabase>? database = null,
        string? tableName = null)
        where TSaga : class, ISagaVersion =>
        configurator.Repository(repository => repository.AddSqliteSagaRepository(database, tableName));

    /// <inheritdoc cref="SqliteRepository{TSaga}"/>
    public static void AddSqliteSagaRepository<TSaga>(
        this ISagaRepositoryRegistrationConfigurator<TSaga> configurator,
        Func<IServiceProvider, SqliteDatabase>? database = null,
        string? tableName = null)
        where TSaga : class, ISagaVersion
    {
        configurator.AddSingleton(provider => new SqliteSagaRepository<TSaga>(
            database?.Invoke(provider) ?? provider.GetRequiredService<SqliteDatabase>(),
            tableName));
        // The persistence initializer creates the table at start-up, as it does for the document stores.
        configurator.AddSingleton<IStoreSchema>(provider => provider.GetRequiredService<SqliteSagaRepository<TSaga>>());
        configurator.RegisterSagaRepository<TSaga, SqliteSagaRepository<TSaga>, SagaConsumeContextFactory<SqliteSagaRepository<TSaga>, TSaga>, SqliteSagaRepositoryContextFactory<TSaga>>();
        configurator.RegisterLoadSagaRepository<TSaga, SqliteSagaRepositoryContextFactory<TSaga>>();
        configurator.RegisterQuerySagaRepository<TSaga, SqliteSagaRepositoryContextFactory<TSaga>>();
    }
}
