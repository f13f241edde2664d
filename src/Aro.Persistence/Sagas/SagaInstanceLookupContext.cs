using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace Aro.Persistence.Sagas;

/// <summary>Loads and queries saga instances outside of a message (operators, tests, MassTransit's load and query repositories).</summary>
public sealed class SagaInstanceLookupContext<TSaga> :
    BasePipeContext,
    LoadSagaRepositoryContext<TSaga>,
    QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISagaVersion
{
    private readonly ISagaInstanceStore<TSaga> _repository;

    public SagaInstanceLookupContext(ISagaInstanceStore<TSaga> repository, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _repository = repository;
    }

    public async Task<TSaga> Load(Guid correlationId) => (await _repository.LoadAsync(correlationId, CancellationToken))!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken)
    {
        var instances = await _repository.QueryAsync(query.GetFilter(), cancellationToken);
        return new DefaultSagaRepositoryQueryContext<TSaga>(this, [.. instances.Select(instance => instance.CorrelationId)]);
    }
}
