using Aro.Messaging.ServiceBus.Topology;
using Aro.Messaging.ServiceBus.Transport.Configuration;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>One receive endpoint at run time: its queue, the message types it subscribes to, and the connection.</summary>
public sealed class ServiceBusReceiveEndpointContext : BaseReceiveEndpointContext
{
    private readonly ServiceBusHostConfiguration _hostConfiguration;
    private readonly ServiceBusReceiveEndpointConfiguration _configuration;

    public ServiceBusReceiveEndpointContext(ServiceBusHostConfiguration hostConfiguration, ServiceBusReceiveEndpointConfiguration configuration)
        : base(hostConfiguration, configuration)
    {
        _hostConfiguration = hostConfiguration;
        _configuration = configuration;
    }

    public ServiceBusConnection Connection => _hostConfiguration.Connection;

    public string QueueName => _configuration.QueueName;

    public bool IsTemporary => _configuration.IsTemporary;

    public EndpointTopology EndpointTopology => new(_configuration.QueueName, _configuration.SubscribedMessageTypes.ToList());

    public int ConcurrentCalls => ConcurrentMessageLimit ?? Connection.Options.ConcurrentMessageLimit;

    public override void AddSendAgent(IAgent agent) => throw new NotSupportedException("Service Bus send agents live on the connection.");

    public override void AddConsumeAgent(IAgent agent) => throw new NotSupportedException("Service Bus consume agents live on the receive transport.");

    public override Exception ConvertException(Exception exception, string message) => exception;

    protected override ISendTransportProvider CreateSendTransportProvider() => new ServiceBusSendTransportProvider(_hostConfiguration, this);

    protected override IPublishTransportProvider CreatePublishTransportProvider() => new ServiceBusPublishTransportProvider(_hostConfiguration, this);
}
