using MassTransit;
using MassTransit.Configuration;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>Configures a bus on Service Bus; <c>ConfigureEndpoints(context)</c> declares the RP's endpoints as on RabbitMQ.</summary>
public sealed class ServiceBusBusFactoryConfigurator : BusFactoryConfigurator, IServiceBusBusFactoryConfigurator, IBusFactory
{
    private readonly ServiceBusBusConfiguration _busConfiguration;

    public ServiceBusBusFactoryConfigurator(ServiceBusBusConfiguration busConfiguration, ServiceBusTransportOptions options)
        : base(busConfiguration)
    {
        _busConfiguration = busConfiguration;
        Options = options;
    }

    public ServiceBusTransportOptions Options { get; }

    public override bool AutoStart
    {
        set => _busConfiguration.BusEndpointConfiguration.Consume.Configurator.AutoStart = value;
    }

    public IReceiveEndpointConfiguration CreateBusEndpointConfiguration(Action<IReceiveEndpointConfigurator> configure)
    {
        var queueName = _busConfiguration.Topology.Consume.CreateTemporaryQueueName("bus");
        return _busConfiguration.HostConfiguration.CreateReceiveEndpointConfiguration(queueName, _busConfiguration.BusEndpointConfiguration, isTemporary: true, configure);
    }

    public void ReceiveEndpoint(IEndpointDefinition definition, IEndpointNameFormatter? endpointNameFormatter, Action<IServiceBusReceiveEndpointConfigurator>? configureEndpoint = null) =>
        _busConfiguration.HostConfiguration.ReceiveEndpoint(definition, endpointNameFormatter, configureEndpoint);

    public void ReceiveEndpoint(IEndpointDefinition definition, IEndpointNameFormatter? endpointNameFormatter, Action<IReceiveEndpointConfigurator>? configureEndpoint = null) =>
        _busConfiguration.HostConfiguration.ReceiveEndpoint(definition, endpointNameFormatter, configureEndpoint);

    public void ReceiveEndpoint(string queueName, Action<IServiceBusReceiveEndpointConfigurator> configureEndpoint) =>
        _busConfiguration.HostConfiguration.ReceiveEndpoint(queueName, configureEndpoint);

    public void ReceiveEndpoint(string queueName, Action<IReceiveEndpointConfigurator> configureEndpoint) =>
        _busConfiguration.HostConfiguration.ReceiveEndpoint(queueName, configureEndpoint);
}
