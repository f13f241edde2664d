using MassTransit;

namespace Aro.Consumers.Teardown;

/// <summary>Permanent failures are answered with ClusterTeardownFailed; what throws (the cloud) is retried with growing pauses.</summary>
public sealed class TearDownClusterConsumerDefinition : ConsumerDefinition<TearDownClusterConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TearDownClusterConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5)));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
