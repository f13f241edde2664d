using MassTransit;
using MassTransit.Serialization;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>A received Service Bus message as MassTransit's receive pipeline sees it; carries its lock as a payload.</summary>
public sealed class ServiceBusReceiveContext : BaseReceiveContext
{
    private readonly ServiceBusMessageLock _lock;

    public ServiceBusReceiveContext(ServiceBusMessageLock messageLock, ReceiveEndpointContext endpointContext)
        : base(messageLock.Message.DeliveryCount > 1, endpointContext, messageLock)
    {
        _lock = messageLock;
        Body = new BytesMessageBody(messageLock.Message.Body.ToArray());
        HeaderProvider = new ServiceBusHeaderProvider(messageLock.Message);
    }

    public override MessageBody Body { get; }

    /// <summary>How often the broker delivered this message, this delivery included.</summary>
    public int DeliveryCount => _lock.Message.DeliveryCount;

    public long SequenceNumber => _lock.Message.SequenceNumber;

    protected override IHeaderProvider HeaderProvider { get; }
}
