using MassTransit;
using MassTransit.Configuration;
using MassTransit.Observables;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>The bus: its host (the namespace), its own endpoint configuration, its observers.</summary>
public sealed class ServiceBusBusConfiguration : ServiceBusEndpointConfiguration, IBusConfiguration
{
    private readonly BusObservable _busObservers = new();

    public ServiceBusBusConfiguration(ServiceBusConnection connection)
        : base(new ServiceBusTopologyConfiguration())
    {
        HostConfiguration = new ServiceBusHostConfiguration(this, connection);
        BusEndpointConfiguration = CreateEndpointConfiguration(isBusEndpoint: true);
    }

    public ServiceBusHostConfiguration HostConfiguration { get; }

    public ServiceBusEndpointConfiguration BusEndpointConfiguration { get; }

    IHostConfiguration IBusConfiguration.HostConfiguration => HostConfiguration;

    IEndpointConfiguration IBusConfiguration.BusEndpointConfiguration => BusEndpointConfiguration;

    IBusObserver IBusConfiguration.BusObservers => _busObservers;

    public ConnectHandle ConnectBusObserver(IBusObserver observer) => _busObservers.Connect(observer);

    public ConnectHandle ConnectEndpointConfigurationObserver(IEndpointConfigurationObserver observer) =>
        HostConfiguration.ConnectEndpointConfigurationObserver(observer);
}
