using MassTransit;

namespace Aro.Persistence.Sagas;

public static class SagaInstanceStoreExtensions
{
    /// <summary>Stores a new instance; another writer having created it first is a <see cref="ConcurrencyException"/>.</summary>
    public static async Task InsertAsync<TSaga>(this ISagaInstanceStore<TSaga> store, TSaga instance, CancellationToken cancellationToken)
        where TSaga : class, ISagaVersion
    {
        if (!await store.TryInsertAsync(instance, cancellationToken))
        {
            throw new ConcurrencyException($"The saga instance {instance.CorrelationId} exists already.", typeof(TSaga), instance.CorrelationId);
        }
    }
}
