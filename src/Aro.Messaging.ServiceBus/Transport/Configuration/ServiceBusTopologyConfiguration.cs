using MassTransit;
using MassTransit.Configuration;
using MassTransit.Topology;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>
/// The send, publish and consume topologies: MassTransit's general ones, with our entity names. The bus owns
/// one; each endpoint gets its own consume topology over the bus's message, send and publish topologies.
/// </summary>
public sealed class ServiceBusTopologyConfiguration : ITopologyConfiguration
{
    private readonly IMessageTopologyConfigurator _message;
    private readonly ISendTopologyConfigurator _send;
    private readonly IPublishTopologyConfigurator _publish;
    private readonly IConsumeTopologyConfigurator _consume;

    public ServiceBusTopologyConfiguration()
    {
        _message = new MessageTopology(new ServiceBusEntityNameFormatter());
        var send = new SendTopology();
        send.ConnectSendTopologyConfigurationObserver(new DelegateSendTopologyConfigurationObserver(GlobalTopology.Send));
        _send = send;
        var publish = new ServiceBusPublishTopology();
        publish.ConnectPublishTopologyConfigurationObserver(new DelegatePublishTopologyConfigurationObserver(GlobalTopology.Publish));
        publish.ConnectPublishTopologyConfigurationObserver(new PublishToSendTopologyConfigurationObserver(send));
        _publish = publish;
        _consume = new ServiceBusConsumeTopology();
    }

    public ServiceBusTopologyConfiguration(ITopologyConfiguration parent)
    {
        _message = parent.Message;
        _send = parent.Send;
        _publish = parent.Publish;
        _consume = new ServiceBusConsumeTopology();
    }

    public IMessageTopologyConfigurator Message => _message;

    public ISendTopologyConfigurator Send => _send;

    public IPublishTopologyConfigurator Publish => _publish;

    public IConsumeTopologyConfigurator Consume => _consume;

    public IEnumerable<ValidationResult> Validate() => _send.Validate().Concat(_publish.Validate()).Concat(_consume.Validate());
}
