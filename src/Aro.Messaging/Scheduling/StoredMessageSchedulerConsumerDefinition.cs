using MassTransit;

namespace Aro.Messaging.Scheduling;

/// <summary>
/// The scheduler's queue (<see cref="StoredMessageScheduler.EndpointName"/>): a store write per message, retried on a
/// busy store before the command lands in the error queue.
/// </summary>
internal sealed class StoredMessageSchedulerConsumerDefinition : ConsumerDefinition<StoredMessageSchedulerConsumer>
{
    public StoredMessageSchedulerConsumerDefinition()
    {
        EndpointName = StoredMessageScheduler.EndpointName;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<StoredMessageSchedulerConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 5000));
    }
}
