using Aro.Messaging.ServiceBus.Headers;
using Aro.Messaging.ServiceBus.Scheduling;
using Azure.Messaging.ServiceBus;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using MassTransit.Scheduling;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Sends to one queue or topic: MassTransit headers become application properties and its ids the native
/// ones; a delayed message is scheduled on the broker (its sequence number becomes the scheduling token);
/// a CancelScheduledMessage sent here cancels that scheduled message instead of being delivered.
/// </summary>
public sealed class ServiceBusSendTransportContext : BaseSendTransportContext, SendTransportContext<PipeContext>
{
    private readonly ServiceBusConnection _connection;
    private readonly ServiceBusEndpointAddress _address;

    public ServiceBusSendTransportContext(IHostConfiguration hostConfiguration, ReceiveEndpointContext endpointContext, ServiceBusConnection connection, ServiceBusEndpointAddress address)
        : base(hostConfiguration, endpointContext.Serialization)
    {
        _connection = connection;
        _address = address;
    }

    public override string EntityName => _address.EntityPath;

    public override string ActivitySystem => "servicebus";

    public override async Task<SendContext<T>> CreateSendContext<T>(T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
    {
        var sendContext = new ServiceBusSendContext<T>(message, cancellationToken);
        await pipe.Send(sendContext);
        return sendContext;
    }

    public Task<SendContext<T>> CreateSendContext<T>(PipeContext context, T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class => CreateSendContext(message, pipe, cancellationToken);

    public async Task Send<T>(PipeContext transportContext, SendContext<T> sendContext)
        where T : class
    {
        sendContext.CancellationToken.ThrowIfCancellationRequested();
        var sender = _connection.Sender(_address.EntityPath);

        if (sendContext.Message is CancelScheduledMessage cancel && ScheduledMessageToken.TryGetSequenceNumber(cancel.TokenId, out var sequenceNumber))
        {
            await CancelAsync(sender, sequenceNumber, sendContext.CancellationToken);
            return;
        }

        var context = sendContext as ServiceBusSendContext<T> ?? throw new ArgumentException("The send context was not created by this transport.", nameof(sendContext));
        var message = ToServiceBusMessage(context);
        if (sendContext.Delay is { } delay && delay > TimeSpan.Zero)
        {
            // Enqueued by the broker at that time: the saga's timeouts and delayed redelivery need no scheduler store.
            var scheduled = await sender.ScheduleMessageAsync(message, DateTimeOffset.UtcNow + delay, sendContext.CancellationToken);
            sendContext.ScheduledMessageId = ScheduledMessageToken.FromSequenceNumber(scheduled);
            return;
        }

        // Sends to the same entity at once share round trips to the broker (ServiceBusSendBatcher).
        await _connection.Batcher(_address.EntityPath).SendAsync(message, sendContext.CancellationToken);
    }

    public Task Send(IPipe<PipeContext> pipe, CancellationToken cancellationToken = default) => pipe.Send(new SendPipeContext(cancellationToken));

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateScope("servicebus");
        scope.Add("entity", _address.EntityPath);
        scope.Add("topic", _address.IsTopic);
    }

    internal static ServiceBusMessage ToServiceBusMessage<T>(ServiceBusSendContext<T> context)
        where T : class
    {
        var properties = new OutgoingMessageProperties
        {
            MessageId = context.MessageId,
            CorrelationId = context.CorrelationId,
            ContentType = context.ContentType?.ToString(),
            TimeToLive = context.TimeToLive,
            Subject = context.SupportedMessageTypes?.FirstOrDefault(),
        };
        var headers = context.Headers.GetAll()
            .Where(header => header.Key != MessageHeaders.SchedulingTokenId)
            .Select(header => new KeyValuePair<string, object?>(header.Key, header.Value));
        var message = ServiceBusHeaderMapping.ToServiceBusMessage(new BinaryData(context.Body.GetBytes()), properties, headers);
        if (context.MessageId is { } messageId && context.Headers.TryGetHeader(MessageHeaders.RedeliveryCount, out var redelivery) && redelivery is not null)
        {
            // A delayed redelivery is the same MassTransit message sent again: under its own id the queue's
            // duplicate detection would drop it. Each redelivery gets a native id of its own (still
            // deterministic), and the MassTransit id travels as a property.
            message.MessageId = $"{ServiceBusHeaderMapping.FormatId(messageId)}/{redelivery}";
            message.ApplicationProperties[MessageHeaders.MessageId] = ServiceBusHeaderMapping.FormatId(messageId);
        }

        return message;
    }

    private static async Task CancelAsync(ServiceBusSender sender, long sequenceNumber, CancellationToken cancellationToken)
    {
        try
        {
            await sender.CancelScheduledMessageAsync(sequenceNumber, cancellationToken);
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessageNotFound)
        {
            // Already enqueued or already cancelled: cancelling is idempotent.
        }
    }

    private sealed class SendPipeContext(CancellationToken cancellationToken) : BasePipeContext(cancellationToken);
}
