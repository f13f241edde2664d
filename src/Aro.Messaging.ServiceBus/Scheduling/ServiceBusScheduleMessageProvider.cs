using MassTransit;
using MassTransit.Scheduling;

namespace Aro.Messaging.ServiceBus.Scheduling;

/// <summary>
/// Schedules on the broker: the message goes to its destination with a delay, which the send transport turns
/// into ScheduleMessageAsync; the token returned carries the broker's sequence number, and cancelling sends a
/// CancelScheduledMessage to the same destination, which the send transport turns into CancelScheduledMessageAsync.
/// </summary>
public sealed class ServiceBusScheduleMessageProvider(ISendEndpointProvider sendEndpointProvider) : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var schedulePipe = new ScheduleSendPipe<T>(pipe, scheduledTime);
        var endpoint = await sendEndpointProvider.GetSendEndpoint(destinationAddress);
        await endpoint.Send(message, schedulePipe, cancellationToken);
        // Past times are sent at once and have no token on the broker; a fresh one cancels nothing.
        return new ScheduledMessageHandle<T>(schedulePipe.ScheduledMessageId ?? NewId.NextGuid(), scheduledTime, destinationAddress, message);
    }

    /// <summary>Without the destination the broker cannot find the message: the token only names a sequence number.</summary>
    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Cancelling on Service Bus needs the destination address: use CancelScheduledSend(destinationAddress, tokenId).");

    public async Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken)
    {
        if (!ScheduledMessageToken.TryGetSequenceNumber(tokenId, out _))
        {
            return;
        }

        var endpoint = await sendEndpointProvider.GetSendEndpoint(destinationAddress);
        await endpoint.Send<CancelScheduledMessage>(new CancelScheduledMessageCommand(NewId.NextGuid(), DateTime.UtcNow, tokenId), cancellationToken);
    }

    private sealed record CancelScheduledMessageCommand(Guid CorrelationId, DateTime Timestamp, Guid TokenId) : CancelScheduledMessage;
}
