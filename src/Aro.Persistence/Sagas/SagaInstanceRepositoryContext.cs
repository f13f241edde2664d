using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace Aro.Persistence.Sagas;

/// <summary>
/// One message's view of the saga instances in an <see cref="ISagaInstanceStore{TSaga}"/>. Writes happen when
/// MassTransit asks for them (Save, Update, Delete), each as one conditional write, so Discard and Undo have nothing
/// pending to throw away.
/// </summary>
public sealed class SagaInstanceRepositoryContext<TSaga, TMessage> :
    ConsumeContextScope<TMessage>,
    SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    private readonly ConsumeContext<TMessage> _context;
    private readonly ISagaInstanceStore<TSaga> _repository;
    private readonly ISagaConsumeContextFactory<ISagaInstanceStore<TSaga>, TSaga> _factory;

    public SagaInstanceRepositoryContext(
        ISagaInstanceStore<TSaga> repository,
        ConsumeContext<TMessage> context,
        ISagaConsumeContextFactory<ISagaInstanceStore<TSaga>, TSaga> factory)
        : base(context)
    {
        _repository = repository;
        _context = context;
        _factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_repository, _context, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // MassTransit's contract: an instance that exists already is not an error here; the caller loads it next.
        if (!await _repository.TryInsertAsync(instance, CancellationToken))
        {
            return null!;
        }

        return await _factory.CreateSagaConsumeContext(_repository, _context, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await _repository.LoadAsync(correlationId, CancellationToken);
        return instance is null
            ? null!
            : await _factory.CreateSagaConsumeContext(_repository, _context, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) => _repository.InsertAsync(context.Saga, CancellationToken);

    public Task Update(SagaConsumeContext<TSaga> context) => _repository.UpdateAsync(context.Saga, CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) => _repository.DeleteAsync(context.Saga, CancellationToken);

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_repository, consumeContext, instance, mode);
}
