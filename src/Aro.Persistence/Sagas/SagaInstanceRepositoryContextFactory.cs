using MassTransit;
using MassTransit.Saga;

namespace Aro.Persistence.Sagas;

/// <summary>Gives MassTransit a repository context per message, and lookup contexts for loads and queries.</summary>
public sealed class SagaInstanceRepositoryContextFactory<TSaga> :
    ISagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    private readonly ISagaInstanceStore<TSaga> _repository;
    private readonly ISagaConsumeContextFactory<ISagaInstanceStore<TSaga>, TSaga> _factory;

    public SagaInstanceRepositoryContextFactory(ISagaInstanceStore<TSaga> repository, ISagaConsumeContextFactory<ISagaInstanceStore<TSaga>, TSaga> factory)
    {
        _repository = repository;
        _factory = factory;
    }

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", _repository.Persistence);
        context.Add("location", _repository.Location);
    }

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new SagaInstanceRepositoryContext<TSaga, T>(_repository, context, _factory));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var repositoryContext = new SagaInstanceRepositoryContext<TSaga, T>(_repository, context, _factory);
        var instances = await _repository.QueryAsync(query.GetFilter(), context.CancellationToken);
        await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, [.. instances.Select(instance => instance.CorrelationId)]));
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new SagaInstanceLookupContext<TSaga>(_repository, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new SagaInstanceLookupContext<TSaga>(_repository, cancellationToken));
}
