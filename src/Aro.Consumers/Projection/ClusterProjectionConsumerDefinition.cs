using MassTransit;

namespace Aro.Consumers.Projection;

/// <summary>
/// The projection writes with ETags; a lost race is retried at once by the store, anything else a few
/// times here before the event lands in the error queue.
/// </summary>
public sealed class ClusterProjectionConsumerDefinition : ConsumerDefinition<ClusterProjectionConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ClusterProjectionConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.StoreWrite);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
