using Aro.Persistence.Cosmos;
using Aro.Persistence.Sagas;
using Aro.Persistence.Sqlite;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Persistence.Progress;

public static class OperationProgressRegistrationExtensions
{
    /// <summary>
    /// Operation progress read from the instances of <typeparamref name="TSaga"/>, in the table or container its
    /// repository uses in the store ARO_STORE selects (the same one AroRepository registers the saga in).
    /// </summary>
    public static IServiceCollection AddSagaOperationProgress<TSaga>(this IServiceCollection services)
        where TSaga : class, ISagaVersion =>
        services.AddSingleton<IOperationProgressReader>(provider => new SagaOperationProgressReader(
            provider.GetRequiredService<IOptions<PersistenceOptions>>().Value.UsesCosmos
                ? new CosmosSagaRepository<SagaProgressView>(provider.GetRequiredService<CosmosDatabase>(), CosmosSagaRepository<TSaga>.DefaultContainerName)
                : new SqliteSagaRepository<SagaProgressView>(provider.GetRequiredService<SqliteDatabase>(), SqliteSagaRepository<TSaga>.DefaultTableName)));
}
