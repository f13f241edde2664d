using MassTransit;

namespace Aro.Consumers.Dns;

/// <summary>Permanent failures are answered with DnsConfigurationFailed; what throws is transient and retried with growing pauses.</summary>
public sealed class ConfigureDnsConsumerDefinition : ConsumerDefinition<ConfigureDnsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ConfigureDnsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(250, 1000, 5000, 15000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
