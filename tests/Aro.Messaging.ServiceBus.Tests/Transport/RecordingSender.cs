using System.Threading.Channels;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>
/// A ServiceBusSender that records each send (one message alone, or a batch) and holds it until the test releases it,
/// so a test decides what is in flight while other messages arrive. Batches take at most <c>batchCapacity</c>
/// messages, and refuse any message whose subject is "too-large".
/// </summary>
internal sealed class RecordingSender(int batchCapacity = int.MaxValue) : ServiceBusSender
{
    private readonly Channel<RecordedSend> _sends = Channel.CreateUnbounded<RecordedSend>();
    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _batches = [];

    public override string EntityPath => "recorded";

    /// <summary>The next send the batcher makes, in the order they were made.</summary>
    public async Task<RecordedSend> NextSendAsync() => await _sends.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasSendWaiting => _sends.Reader.TryPeek(out _);

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        if (message.Subject == "too-large")
        {
            throw new ServiceBusException("The message is larger than the broker allows.", ServiceBusFailureReason.MessageSizeExceeded);
        }

        return Record([message], isBatch: false);
    }

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        var store = new List<ServiceBusMessage>();
        var batch = ServiceBusModelFactory.ServiceBusMessageBatch(
            batchSizeBytes: 0,
            batchMessageStore: store,
            tryAddCallback: message => message.Subject != "too-large" && store.Count < batchCapacity);
        lock (_batches)
        {
            _batches[batch] = store;
        }

        return ValueTask.FromResult(batch);
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        List<ServiceBusMessage> messages;
        lock (_batches)
        {
            messages = [.. _batches[messageBatch]];
        }

        return Record(messages, isBatch: true);
    }

    private Task Record(IReadOnlyList<ServiceBusMessage> messages, bool isBatch)
    {
        var send = new RecordedSend(messages, isBatch);
        _sends.Writer.TryWrite(send);
        return send.Completion;
    }
}

/// <summary>One send the batcher made; it stays in flight until <see cref="Release"/> or <see cref="Refuse"/>.</summary>
internal sealed class RecordedSend(IReadOnlyList<ServiceBusMessage> messages, bool isBatch)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ServiceBusMessage> Messages { get; } = messages;

    public bool IsBatch { get; } = isBatch;

    public IEnumerable<string> Ids => Messages.Select(message => message.MessageId);

    public Task Completion => _completion.Task;

    public void Release() => _completion.TrySetResult();

    public void Refuse(Exception exception) => _completion.TrySetException(exception);
}
