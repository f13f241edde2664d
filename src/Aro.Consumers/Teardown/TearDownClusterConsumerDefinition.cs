using MassTransit;

namespace Aro.Consumers.Teardown;

/// <summary>Permanent failures are answered with ClusterTeardownFailed; what throws (the cloud) is retried with growing pauses.</summary>
public sealed class TearDownClusterConsumerDefinition : ConsumerDefinition<TearDownClusterConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TearDownClusterConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.LongCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
