using MassTransit;

namespace Aro.Messaging.Scheduling;

/// <summary>
/// A message scheduler that needs no broker plugin: scheduled messages live in the RP's store until due. The bus
/// sends ScheduleMessage / CancelScheduledMessage to <see cref="EndpointName"/>; a consumer there stores them and
/// every backend's <see cref="ScheduledMessageDelivery"/> sends those that are due.
/// </summary>
public static class StoredMessageScheduler
{
    public const string EndpointName = "aro-scheduler";

    /// <summary>
    /// The endpoint's exchange rather than its queue: a <c>queue:</c> address makes every sender declare the queue, as a
    /// classic one, which RabbitMQ refuses for the quorum queue the endpoint declared. Only backends schedule (the
    /// saga), and each hosts this endpoint, so the exchange is always bound to its queue when something is sent.
    /// </summary>
    public static Uri Address { get; } = new($"exchange:{EndpointName}");

    /// <summary>Makes the bus's scheduler (IMessageScheduler, a saga's Schedule) send its commands to <see cref="EndpointName"/>.</summary>
    public static IBusRegistrationConfigurator AddStoredMessageSchedulerClient(this IBusRegistrationConfigurator bus)
    {
        bus.AddMessageScheduler(Address);
        return bus;
    }

    /// <summary>The half that runs in backends: the scheduler endpoint's consumer and the delivery of due messages.</summary>
    public static IBusRegistrationConfigurator AddStoredMessageScheduler(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StoredMessageSchedulerConsumer, StoredMessageSchedulerConsumerDefinition>();
        bus.AddHostedService<ScheduledMessageDelivery>();
        return bus;
    }

    /// <summary>Gives consume contexts (a saga's Schedule activity) the scheduler at <see cref="EndpointName"/>.</summary>
    public static void UseStoredMessageScheduler(this IBusFactoryConfigurator transport) => transport.UseMessageScheduler(Address);
}
