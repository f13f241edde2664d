using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace Aro.Messaging.InMemory;

/// <summary>Gives every consume context (a saga's Schedule and Unschedule activities) the <see cref="InMemoryMessageScheduler"/>.</summary>
internal sealed class InMemoryMessageSchedulerFilter(InMemoryMessageScheduler scheduler, Func<ISendEndpointProvider> bus) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inMemoryMessageScheduler");

    private MessageScheduler CreateScheduler(ConsumeContext context) =>
        new(new InMemoryScheduleMessageProvider(scheduler, bus()), context.GetPayload<IBusTopology>());
}
