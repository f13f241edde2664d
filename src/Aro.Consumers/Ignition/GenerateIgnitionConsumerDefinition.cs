using MassTransit;

namespace Aro.Consumers.Ignition;

/// <summary>
/// Permanent failures are answered with IgnitionGenerationFailed; what throws is transient (the store,
/// the blob upload) and is retried with growing pauses before the command lands in the error queue.
/// </summary>
public sealed class GenerateIgnitionConsumerDefinition : ConsumerDefinition<GenerateIgnitionConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<GenerateIgnitionConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.ShortCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
