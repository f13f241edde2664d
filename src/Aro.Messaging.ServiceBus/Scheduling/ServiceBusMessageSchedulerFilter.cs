using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace Aro.Messaging.ServiceBus.Scheduling;

/// <summary>Gives every consume context (sagas' Schedule/Unschedule, scheduled redelivery) the broker-backed scheduler.</summary>
public sealed class ServiceBusMessageSchedulerFilter : IFilter<ConsumeContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("serviceBusMessageScheduler");

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        // Taken here, before a consumer's in-memory outbox wraps the context (it then calls the scheduler factory
        // with its own context, whose sends wait for the handler to finish): the broker returns the sequence number
        // the cancellation token is made of only when the message is really sent, and the saga stores that token
        // before its outbox sends anything. A timeout scheduled by an attempt that then fails is cancelled by the
        // outbox, or arrives and is ignored as stale.
        var sendEndpointProvider = context.ReceiveContext.SendEndpointProvider;
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(
            context,
            consumeContext => new MessageScheduler(new ServiceBusScheduleMessageProvider(sendEndpointProvider), consumeContext.GetPayload<IBusTopology>())));
        return next.Send(context);
    }
}
