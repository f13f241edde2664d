using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>Builds the bus from the container's registrations (consumers, sagas, definitions) on one namespace.</summary>
public sealed class ServiceBusRegistrationBusFactory : TransportRegistrationBusFactory<IServiceBusReceiveEndpointConfigurator>
{
    private readonly ServiceBusBusConfiguration _busConfiguration;
    private readonly ServiceBusTransportOptions _options;
    private readonly Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? _configure;

    public ServiceBusRegistrationBusFactory(ServiceBusTransportOptions options, bool createTopology, Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure)
        : this(new ServiceBusBusConfiguration(new ServiceBusConnection(options, createTopology)), options, configure)
    {
    }

    private ServiceBusRegistrationBusFactory(ServiceBusBusConfiguration busConfiguration, ServiceBusTransportOptions options, Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure)
        : base(busConfiguration.HostConfiguration)
    {
        _busConfiguration = busConfiguration;
        _options = options;
        _configure = configure;
    }

    public override IBusInstance CreateBus(IBusRegistrationContext context, IEnumerable<IBusInstanceSpecification> specifications, string busName)
    {
        var configurator = new ServiceBusBusFactoryConfigurator(_busConfiguration, _options);
        return CreateBus(configurator, context, _configure, specifications);
    }
}
