using MassTransit;

namespace Aro.Consumers.Network;

/// <summary>Invalid networks are answered with NetworkValidationFailed; what throws (the cloud being unavailable) is retried.</summary>
public sealed class ValidateNetworkConsumerDefinition : ConsumerDefinition<ValidateNetworkConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ValidateNetworkConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.ShortCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
