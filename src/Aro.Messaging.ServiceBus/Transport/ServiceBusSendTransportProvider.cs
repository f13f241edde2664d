using Aro.Messaging.ServiceBus.Transport.Configuration;
using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>Send transports to queues (and topics, when addressed as such) of the namespace.</summary>
public sealed class ServiceBusSendTransportProvider(ServiceBusHostConfiguration hostConfiguration, ReceiveEndpointContext endpointContext) : ISendTransportProvider
{
    public Uri NormalizeAddress(Uri address) => ServiceBusEndpointAddress.Parse(hostConfiguration.HostAddress, address).ToUri();

    public Task<ISendTransport> GetSendTransport(Uri address)
    {
        var endpointAddress = ServiceBusEndpointAddress.Parse(hostConfiguration.HostAddress, address);
        TransportLogMessages.CreateSendTransport(address);
        var context = new ServiceBusSendTransportContext(hostConfiguration, endpointContext, hostConfiguration.Connection, endpointAddress);
        return Task.FromResult<ISendTransport>(new SendTransport<PipeContext>(context));
    }
}
