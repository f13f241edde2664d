using Aro.Messaging.ServiceBus.Topology;
using Aro.Messaging.ServiceBus.Transport.Configuration;
using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>Publishing sends to the message type's topic, made sure of (or created, in development) on first use.</summary>
public sealed class ServiceBusPublishTransportProvider(ServiceBusHostConfiguration hostConfiguration, ReceiveEndpointContext endpointContext) : IPublishTransportProvider
{
    public async Task<ISendTransport> GetPublishTransport<T>(Uri? publishAddress)
        where T : class
    {
        var connection = hostConfiguration.Connection;
        await connection.EnsureTopicAsync(typeof(T), CancellationToken.None);
        var address = new ServiceBusEndpointAddress(hostConfiguration.HostAddress, ServiceBusEntityNames.Topic(typeof(T)), true);
        var context = new ServiceBusSendTransportContext(hostConfiguration, endpointContext, connection, address);
        return new SendTransport<PipeContext>(context);
    }
}
