using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Sends to one entity with at most one send in flight: a message that finds the entity idle goes at once, alone;
/// messages that arrive while a send is in flight wait for it and then go together, as one
/// <see cref="ServiceBusMessageBatch"/> (up to the batch limit and the broker's size limit). Under load the broker sees
/// one round trip per batch instead of one per message; an idle entity adds no delay. Each caller's task completes
/// when its own message is on the broker, and fails if its send failed, so MassTransit's retry and outbox see every
/// message as if it had been sent alone. A caller cancelled while its message waits withdraws it; once taken into
/// a send, it goes.
/// </summary>
public sealed class ServiceBusSendBatcher
{
    private readonly ServiceBusSender _sender;
    private readonly int _batchLimit;
    private readonly object _gate = new();
    private readonly Queue<PendingSend> _waiting = new();
    private bool _sending;

    public ServiceBusSendBatcher(ServiceBusSender sender, int batchLimit)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchLimit, 1);
        _sender = sender;
        _batchLimit = batchLimit;
    }

    public string EntityPath => _sender.EntityPath;

    public Task SendAsync(ServiceBusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (_batchLimit == 1)
        {
            ServiceBusSendMetrics.RecordSend(EntityPath, 1);
            return _sender.SendMessageAsync(message, cancellationToken);
        }

        var pending = new PendingSend(message);
        lock (_gate)
        {
            _waiting.Enqueue(pending);
            if (_sending)
            {
                pending.WithdrawOn(cancellationToken);
                return pending.Task;
            }

            _sending = true;
        }

        // This caller starts the pump; it runs on until no message waits, each later caller only waits for its own.
        _ = PumpAsync();
        return pending.Task;
    }

    private async Task PumpAsync()
    {
        var carried = new List<PendingSend>();
        while (true)
        {
            var taken = Take(carried);
            if (taken.Count == 0)
            {
                return;
            }

            carried = await SendTakenAsync(taken);
        }
    }

    /// <summary>The messages the next send carries: those left over from the last batch first, then the waiting ones.</summary>
    private List<PendingSend> Take(List<PendingSend> carried)
    {
        var taken = new List<PendingSend>(Math.Min(_batchLimit, carried.Count + 8));
        foreach (var pending in carried)
        {
            taken.Add(pending);
        }

        lock (_gate)
        {
            while (taken.Count < _batchLimit && _waiting.TryDequeue(out var pending))
            {
                if (pending.TryClaim())
                {
                    taken.Add(pending);
                }
            }

            if (taken.Count == 0)
            {
                _sending = false;
            }
        }

        return taken;
    }

    /// <summary>Sends what was taken; returns the messages that did not fit into the batch, for the next send.</summary>
    private async Task<List<PendingSend>> SendTakenAsync(List<PendingSend> taken)
    {
        if (taken.Count == 1)
        {
            await SendAloneAsync(taken[0]);
            return [];
        }

        ServiceBusMessageBatch batch;
        try
        {
            batch = await _sender.CreateMessageBatchAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            foreach (var pending in taken)
            {
                pending.Fail(exception);
            }

            return [];
        }

        using (batch)
        {
            var inBatch = new List<PendingSend>(taken.Count);
            var carried = new List<PendingSend>();
            foreach (var pending in taken)
            {
                if (carried.Count == 0 && batch.TryAddMessage(pending.Message))
                {
                    inBatch.Add(pending);
                }
                else
                {
                    carried.Add(pending);
                }
            }

            if (inBatch.Count == 0)
            {
                // The first message alone is over the broker's size limit: it fails by itself, with the SDK's own
                // error, and the others go next.
                await SendAloneAsync(carried[0]);
                carried.RemoveAt(0);
                return carried;
            }

            try
            {
                await _sender.SendMessagesAsync(batch, CancellationToken.None);
                ServiceBusSendMetrics.RecordSend(EntityPath, inBatch.Count);
                foreach (var pending in inBatch)
                {
                    pending.Complete();
                }
            }
            catch (Exception exception)
            {
                // A batch is accepted or refused whole: every message in it failed, and each sender retries its own.
                foreach (var pending in inBatch)
                {
                    pending.Fail(exception);
                }
            }

            return carried;
        }
    }

    private async Task SendAloneAsync(PendingSend pending)
    {
        try
        {
            await _sender.SendMessageAsync(pending.Message, CancellationToken.None);
            ServiceBusSendMetrics.RecordSend(EntityPath, 1);
            pending.Complete();
        }
        catch (Exception exception)
        {
            pending.Fail(exception);
        }
    }

    /// <summary>One caller's message, waiting, taken into a send, or withdrawn by its caller's cancellation.</summary>
    private sealed class PendingSend(ServiceBusMessage message)
    {
        private const int Waiting = 0;
        private const int Claimed = 1;
        private const int Withdrawn = 2;

        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;
        private CancellationTokenRegistration _cancellation;

        public ServiceBusMessage Message { get; } = message;

        public Task Task => _completion.Task;

        public void WithdrawOn(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.Register(() =>
                {
                    if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
                    {
                        _completion.TrySetCanceled(cancellationToken);
                    }
                });
            }
        }

        public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

        public void Complete()
        {
            _cancellation.Dispose();
            _completion.TrySetResult();
        }

        public void Fail(Exception exception)
        {
            _cancellation.Dispose();
            _completion.TrySetException(exception);
        }
    }
}
