using MassTransit;

namespace Aro.Consumers.Scale;

/// <summary>Permanent failures are answered with WorkerScalingFailed; what throws (the API, workers not ready in time) is retried with growing pauses.</summary>
public sealed class ScaleWorkersConsumerDefinition : ConsumerDefinition<ScaleWorkersConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ScaleWorkersConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.LongCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
