using System.Diagnostics.CodeAnalysis;
using Aro.Messaging.ServiceBus.Topology;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Topology;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>
/// A message type is published to its own topic. Only the concrete type: publishing does not fan out to topics
/// of the interfaces or base records it implements (the RP's contracts are sealed records).
/// </summary>
public sealed class ServiceBusPublishTopology : PublishTopology
{
    protected override IMessagePublishTopologyConfigurator CreateMessageTopology<T>()
    {
        var messageTopology = new MessageTopology<T>(this);
        OnMessageTopologyCreated(messageTopology);
        return messageTopology;
    }

    private sealed class MessageTopology<T>(IPublishTopology publishTopology) : MessagePublishTopology<T>(publishTopology)
        where T : class
    {
        public override bool TryGetPublishAddress(Uri baseAddress, [NotNullWhen(true)] out Uri? publishAddress)
        {
            if (Exclude)
            {
                publishAddress = null;
                return false;
            }

            publishAddress = ServiceBusEndpointAddress.Topic(baseAddress, ServiceBusEntityNames.Topic(typeof(T)));
            return true;
        }
    }
}
