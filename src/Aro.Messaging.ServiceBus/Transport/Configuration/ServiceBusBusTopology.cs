using Aro.Messaging.ServiceBus.Topology;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>The bus's topology: a message type's publish address is its topic.</summary>
public sealed class ServiceBusBusTopology : BusTopology
{
    private readonly Uri _hostAddress;

    public ServiceBusBusTopology(IHostConfiguration hostConfiguration, ITopologyConfiguration topologyConfiguration)
        : base(hostConfiguration, topologyConfiguration)
    {
        _hostAddress = hostConfiguration.HostAddress;
    }

    public override bool TryGetPublishAddress(Type messageType, out Uri publishAddress)
    {
        publishAddress = ServiceBusEndpointAddress.Topic(_hostAddress, ServiceBusEntityNames.Topic(messageType));
        return true;
    }

    public override bool TryGetPublishAddress<T>(out Uri publishAddress) => TryGetPublishAddress(typeof(T), out publishAddress);
}
