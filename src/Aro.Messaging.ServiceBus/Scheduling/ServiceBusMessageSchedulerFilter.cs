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
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    private static IMessageScheduler CreateScheduler(ConsumeContext context) =>
        new MessageScheduler(new ServiceBusScheduleMessageProvider(context), context.GetPayload<IBusTopology>());
}
