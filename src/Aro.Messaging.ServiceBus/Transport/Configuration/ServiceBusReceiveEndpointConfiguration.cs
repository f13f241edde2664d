using Aro.Messaging.ServiceBus.Topology;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>One endpoint's configuration: its queue, and the message types whose topics forward into it.</summary>
public sealed class ServiceBusReceiveEndpointConfiguration : ReceiveEndpointConfiguration, IServiceBusReceiveEndpointConfigurator
{
    private readonly ServiceBusHostConfiguration _hostConfiguration;
    private readonly HashSet<Type> _subscribedMessageTypes = [];

    public ServiceBusReceiveEndpointConfiguration(
        ServiceBusHostConfiguration hostConfiguration,
        string queueName,
        ServiceBusEndpointConfiguration endpointConfiguration,
        bool isTemporary)
        : base(hostConfiguration, endpointConfiguration)
    {
        _hostConfiguration = hostConfiguration;
        QueueName = ServiceBusEntityNames.Queue(queueName);
        IsTemporary = isTemporary;
        HostAddress = hostConfiguration.HostAddress;
        InputAddress = ServiceBusEndpointAddress.Queue(hostConfiguration.HostAddress, QueueName);
    }

    public string QueueName { get; }

    public bool IsTemporary { get; }

    public IReadOnlyCollection<Type> SubscribedMessageTypes
    {
        get
        {
            lock (_subscribedMessageTypes)
            {
                return _subscribedMessageTypes.ToList();
            }
        }
    }

    public override Uri HostAddress { get; }

    public override Uri InputAddress { get; }

    public override ReceiveEndpointContext CreateReceiveEndpointContext() => CreateServiceBusReceiveEndpointContext();

    public void Subscribe(Type messageType)
    {
        lock (_subscribedMessageTypes)
        {
            _subscribedMessageTypes.Add(messageType);
        }
    }

    public void Build(IHost host)
    {
        var context = CreateServiceBusReceiveEndpointContext();
        var receiveEndpoint = new ReceiveEndpoint(new ServiceBusReceiveTransport(context), context);
        host.AddReceiveEndpoint(QueueName, receiveEndpoint);
        ReceiveEndpoint = receiveEndpoint;
    }

    private ServiceBusReceiveEndpointContext CreateServiceBusReceiveEndpointContext()
    {
        var builder = new ServiceBusReceiveEndpointBuilder(this);
        ApplySpecifications(builder);
        var context = new ServiceBusReceiveEndpointContext(_hostConfiguration, this);
        context.GetOrAddPayload(() => _hostConfiguration.Topology);
        return context;
    }
}
