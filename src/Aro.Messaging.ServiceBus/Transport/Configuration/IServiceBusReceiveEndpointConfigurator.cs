using MassTransit;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>A receive endpoint on Service Bus: a queue, fed by forwarding subscriptions on the consumed types' topics.</summary>
public interface IServiceBusReceiveEndpointConfigurator : IReceiveEndpointConfigurator
{
    string QueueName { get; }
}
