using MassTransit.Context;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>The send context of a message going to a Service Bus queue or topic.</summary>
public sealed class ServiceBusSendContext<T>(T message, CancellationToken cancellationToken) : MessageSendContext<T>(message, cancellationToken)
    where T : class;
