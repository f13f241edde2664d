using Aro.Messaging.ServiceBus.Connection;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;
using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Receives an endpoint's queue with a peek-lock ServiceBusProcessor (prefetch, concurrency and lock renewal
/// from the settings) and hands each message to MassTransit's receive pipeline, which settles it through
/// <see cref="ServiceBusMessageLock"/>. Faults go to the native dead-letter queue.
/// </summary>
public sealed class ServiceBusReceiveTransport(ServiceBusReceiveEndpointContext context) : IReceiveTransport
{
    public void Probe(ProbeContext probeContext)
    {
        var scope = probeContext.CreateScope("receiveTransport");
        scope.Add("type", "Azure Service Bus");
        scope.Add("queue", context.QueueName);
        scope.Add("concurrentMessageLimit", context.ConcurrentCalls);
    }

    public ReceiveTransportHandle Start()
    {
        IErrorTransport errorTransport = new ServiceBusDeadLetterErrorTransport();
        context.AddOrUpdatePayload(() => errorTransport, _ => errorTransport);
        IDeadLetterTransport deadLetterTransport = new ServiceBusDeadLetterSkippedTransport();
        context.AddOrUpdatePayload(() => deadLetterTransport, _ => deadLetterTransport);
        return new ProcessorAgent(context);
    }

    public ConnectHandle ConnectReceiveObserver(IReceiveObserver observer) => context.ConnectReceiveObserver(observer);

    public ConnectHandle ConnectReceiveTransportObserver(IReceiveTransportObserver observer) => context.ConnectReceiveTransportObserver(observer);

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => context.ConnectPublishObserver(observer);

    public ConnectHandle ConnectSendObserver(ISendObserver observer) => context.ConnectSendObserver(observer);

    private sealed class ProcessorAgent : ConsumerAgent<long>, ReceiveTransportHandle
    {
        private readonly ServiceBusReceiveEndpointContext _context;
        private ServiceBusProcessor? _processor;
        private int _faulted;

        public ProcessorAgent(ServiceBusReceiveEndpointContext context)
            : base(context)
        {
            _context = context;
            TrySetManualConsumeTask();
            _ = Task.Run(StartAsync);
        }

        Task ReceiveTransportHandle.Stop(CancellationToken cancellationToken) => this.Stop("Stop Receive Transport", cancellationToken);

        /// <summary>
        /// Starts receiving, trying again with a growing pause (1 s, doubling up to 30 s) for as long as the failure
        /// may pass: a namespace not reachable yet, a role assignment not propagated yet, the broker restarting. The
        /// endpoint stays not ready meanwhile (so does the bus, and /healthz/ready), as a RabbitMQ endpoint does while
        /// its broker is away. A missing entity the RP may not create will not pass: it fails the start at once.
        /// </summary>
        private async Task StartAsync()
        {
            var pause = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await StartReceivingAsync();
                    return;
                }
                catch (Exception exception) when (!IsStopping && !IsMissingEntity(exception))
                {
                    LogContext.Warning?.Log(exception, "Service Bus endpoint {Queue} could not start (attempt {Attempt}); trying again in {Pause}", _context.QueueName, attempt, pause);
                    await _context.TransportObservers.NotifyFaulted(_context.InputAddress, exception);
                    await CloseProcessorAsync();
                }
                catch (Exception exception)
                {
                    SetNotReady(exception);
                    await _context.TransportObservers.NotifyFaulted(_context.InputAddress, exception);
                    return;
                }

                try
                {
                    await Task.Delay(pause, Stopping);
                }
                catch (OperationCanceledException exception)
                {
                    SetNotReady(exception);
                    return;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }

        private async Task StartReceivingAsync()
        {
            await _context.DependenciesReady.WaitAsync(Stopping);
            var connection = _context.Connection;
            if (_context.IsTemporary && !connection.CreateTopology)
            {
                // The bus's own response queue would need Manage rights to create, and the RP sends no
                // requests: with data-plane rights only the bus endpoint receives nothing.
                await _context.TransportObservers.NotifyReady(_context.InputAddress);
                SetReady();
                return;
            }

            await EnsureTopologyAsync(connection);

            var options = ReceiveSettings.ProcessorOptions(connection.Options);
            options.MaxConcurrentCalls = _context.ConcurrentCalls;
            _processor = connection.Client.CreateProcessor(_context.QueueName, options);
            _processor.ProcessMessageAsync += HandleMessageAsync;
            _processor.ProcessErrorAsync += HandleErrorAsync;
            await _processor.StartProcessingAsync(Stopping);

            await _context.TransportObservers.NotifyReady(_context.InputAddress);
            SetReady();
        }

        /// <summary>A processor a failed start left behind, closed before the next attempt makes another.</summary>
        private async Task CloseProcessorAsync()
        {
            if (Interlocked.Exchange(ref _processor, null) is { } processor)
            {
                try
                {
                    await processor.DisposeAsync();
                }
                catch (Exception exception) when (exception is TimeoutException or ServiceBusException or ObjectDisposedException)
                {
                    LogContext.Debug?.Log(exception, "Service Bus receiver on {Queue} did not close after a failed start", _context.QueueName);
                }
            }
        }

        private static bool IsMissingEntity(Exception? exception) => exception switch
        {
            null => false,
            MissingEntityException => true,
            AggregateException aggregate => aggregate.InnerExceptions.Any(IsMissingEntity),
            _ => IsMissingEntity(exception.InnerException),
        };

        private Task EnsureTopologyAsync(ServiceBusConnection connection)
        {
            if (_context.IsTemporary)
            {
                // The bus's own response queue: created with the topology (it is per process), removed by the broker when idle.
                return connection.Provisioner.EnsureTemporaryQueueAsync(_context.QueueName, Stopping);
            }

            return connection.Provisioner.EnsureAsync([_context.EndpointTopology], connection.CreateTopology, Stopping);
        }

        private async Task HandleMessageAsync(ProcessMessageEventArgs args)
        {
            if (IsStopping)
            {
                // Not ours to start any more: back to the queue at once rather than after the lock expires.
                await args.AbandonMessageAsync(args.Message, cancellationToken: CancellationToken.None);
                return;
            }

            if (Interlocked.Exchange(ref _faulted, 0) == 1)
            {
                await _context.TransportObservers.NotifyReady(_context.InputAddress);
            }

            var messageLock = new ServiceBusMessageLock(args);
            var receiveContext = new ServiceBusReceiveContext(messageLock, _context);
            try
            {
                await Dispatch(args.Message.SequenceNumber, receiveContext, messageLock);
            }
            catch (Exception exception)
            {
                await messageLock.Faulted(exception);
            }
            finally
            {
                receiveContext.Dispose();
            }
        }

        private async Task HandleErrorAsync(ProcessErrorEventArgs args)
        {
            // Handler exceptions never reach here (the pipeline catches them); these are receive-link and
            // connection failures, which the processor retries by itself. Meanwhile the endpoint reports faulted,
            // so the bus health check (and /healthz/ready) fails until messages flow again.
            if (args.ErrorSource != ServiceBusErrorSource.ProcessMessageCallback && Interlocked.Exchange(ref _faulted, 1) == 0)
            {
                await _context.TransportObservers.NotifyFaulted(_context.InputAddress, args.Exception);
            }

            LogContext.Warning?.Log(args.Exception, "Service Bus receive failed on {Queue} ({Source})", _context.QueueName, args.ErrorSource);
        }

        protected override async Task ActiveAndActualAgentsCompleted(StopContext context)
        {
            if (_processor is not null)
            {
                // Stops taking messages and waits for the handlers in flight, which complete their messages.
                await _processor.StopProcessingAsync(CancellationToken.None);
                try
                {
                    await _processor.DisposeAsync();
                }
                catch (Exception exception) when (exception is TimeoutException or ServiceBusException)
                {
                    // The handlers are done and their messages settled; only closing the link failed (a broker that
                    // never answers the receiver's final drain, say). Stopping the bus must not fail for it: an
                    // unsettled lock would expire and its message return, as after a lost connection.
                    LogContext.Warning?.Log(exception, "Service Bus receiver on {Queue} did not close cleanly", _context.QueueName);
                }
            }

            await base.ActiveAndActualAgentsCompleted(context);
            await _context.TransportObservers.NotifyCompleted(_context.InputAddress, this);
        }
    }
}
