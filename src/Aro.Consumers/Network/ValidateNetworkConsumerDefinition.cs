using MassTransit;

namespace Aro.Consumers.Network;

/// <summary>Invalid networks are answered with NetworkValidationFailed; what throws (the cloud being unavailable) is retried.</summary>
public sealed class ValidateNetworkConsumerDefinition : ConsumerDefinition<ValidateNetworkConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ValidateNetworkConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(250, 1000, 5000, 15000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
