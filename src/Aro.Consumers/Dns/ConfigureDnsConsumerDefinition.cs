using MassTransit;

namespace Aro.Consumers.Dns;

/// <summary>Permanent failures are answered with DnsConfigurationFailed; what throws is transient and retried with growing pauses.</summary>
public sealed class ConfigureDnsConsumerDefinition : ConsumerDefinition<ConfigureDnsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ConfigureDnsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.ShortCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
