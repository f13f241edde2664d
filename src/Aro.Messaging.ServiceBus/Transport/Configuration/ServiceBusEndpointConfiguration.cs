using MassTransit.Configuration;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>An endpoint's pipes and topology, under the bus's.</summary>
public class ServiceBusEndpointConfiguration : EndpointConfiguration
{
    protected ServiceBusEndpointConfiguration(ITopologyConfiguration topology)
        : base(topology)
    {
    }

    private ServiceBusEndpointConfiguration(IEndpointConfiguration parent, ITopologyConfiguration topology, bool isBusEndpoint)
        : base(parent, topology, isBusEndpoint)
    {
    }

    public ServiceBusEndpointConfiguration CreateEndpointConfiguration(bool isBusEndpoint = false) =>
        new(this, new ServiceBusTopologyConfiguration(Topology), isBusEndpoint);
}
