using MassTransit;
using MassTransit.Configuration;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>Notes every message type the endpoint consumes with consume topology on: each gets a forwarding subscription.</summary>
public sealed class ServiceBusReceiveEndpointBuilder(ServiceBusReceiveEndpointConfiguration configuration) : ReceiveEndpointBuilder(configuration)
{
    public override ConnectHandle ConnectConsumePipe<T>(IPipe<ConsumeContext<T>> pipe, ConnectPipeOptions options)
    {
        if (configuration.ConfigureConsumeTopology
            && options.HasFlag(ConnectPipeOptions.ConfigureConsumeTopology)
            && configuration.Topology.Consume.GetMessageTopology<T>().ConfigureConsumeTopology)
        {
            configuration.Subscribe(typeof(T));
        }

        return base.ConnectConsumePipe(pipe, options);
    }
}
