using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>A received Service Bus message as MassTransit's receive pipeline sees it; carries its lock as a payload.</summary>
public sealed class ServiceBusReceiveContext : BaseReceiveContext
{
    private readonly ServiceBusMessageLock _lock;
    private readonly ServiceBusMessageBody _body;

    public ServiceBusReceiveContext(ServiceBusMessageLock messageLock, ReceiveEndpointContext endpointContext)
        : base(messageLock.Message.DeliveryCount > 1, endpointContext, messageLock)
    {
        _lock = messageLock;
        _body = new ServiceBusMessageBody(messageLock.Message.Body);
        HeaderProvider = new ServiceBusHeaderProvider(messageLock.Message);
    }

    public override MessageBody Body => _body;

    /// <summary>How often the broker delivered this message, this delivery included.</summary>
    public int DeliveryCount => _lock.Message.DeliveryCount;

    public long SequenceNumber => _lock.Message.SequenceNumber;

    protected override IHeaderProvider HeaderProvider { get; }

    public override void Dispose()
    {
        _body.Dispose();
        base.Dispose();
    }

    /// <summary>MassTransit's own envelope type, the one every message of the RP carries, without parsing it each time.</summary>
    protected override ContentType GetContentType() =>
        _lock.Message.ContentType == SystemTextJsonMessageSerializer.JsonContentType.MediaType
            ? SystemTextJsonMessageSerializer.JsonContentType
            : base.GetContentType();
}
