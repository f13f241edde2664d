using MassTransit;
using MassTransit.Scheduling;

namespace Aro.Messaging.InMemory;

/// <summary>MassTransit's scheduling calls (a saga's Schedule and Unschedule) answered by <see cref="InMemoryMessageScheduler"/>.</summary>
internal sealed class InMemoryScheduleMessageProvider(InMemoryMessageScheduler scheduler, ISendEndpointProvider bus) : IScheduleMessageProvider
{
    public Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var tokenId = ScheduleTokenIdCache<T>.GetTokenId(message);
        // Sent later through the bus, not the consume context that scheduled it: that context is long gone by then.
        scheduler.Schedule(tokenId, scheduledTime, destinationAddress, message, pipe, bus);
        return Task.FromResult<ScheduledMessage<T>>(new ScheduledMessageHandle<T>(tokenId, scheduledTime, destinationAddress, message));
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken)
    {
        scheduler.Cancel(tokenId);
        return Task.CompletedTask;
    }

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        CancelScheduledSend(tokenId, cancellationToken);
}
