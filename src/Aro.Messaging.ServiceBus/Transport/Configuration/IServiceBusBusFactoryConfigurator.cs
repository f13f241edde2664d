using MassTransit;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>What <c>UsingAroServiceBus</c> hands to its configure callback.</summary>
public interface IServiceBusBusFactoryConfigurator : IBusFactoryConfigurator<IServiceBusReceiveEndpointConfigurator>
{
    ServiceBusTransportOptions Options { get; }
}
