using MassTransit;
using MassTransit.Saga;

namespace Aro.Persistence.Sagas;

/// <summary>Gives MassTransit a repository context per message, and lookup contexts for loads and queries.</summary>
public sealed class SqliteSagaRepositoryContextFactory<TSaga> :
    ISagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    private readonly SqliteSagaRepository<TSaga> _repository;
    private readonly ISagaConsumeContextFactory<SqliteSagaRepository<TSaga>, TSaga> _factory;

    public SqliteSagaRepositoryContextFactory(SqliteSagaRepository<TSaga> repository, ISagaConsumeContextFactory<SqliteSagaRepository<TSaga>, TSaga> factory)
    {
        _repository = repository;
        _factory = factory;
    }

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", "sqlite");
        context.Add("table", _repository.TableName);
    }

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new SqliteSagaRepositoryContext<TSaga, T>(_repository, context, _factory));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var repositoryContext = new SqliteSagaRepositoryContext<TSaga, T>(_repository, context, _factory);
        var instances = await _repository.QueryAsync(query.GetFilter(), context.CancellationToken);
        await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, [.. instances.Select(instance => instance.CorrelationId)]));
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new SqliteSagaLookupContext<TSaga>(_repository, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new SqliteSagaLookupContext<TSaga>(_repository, cancellationToken));
}
