using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Where MassTransit puts a message no consumer on the endpoint takes (a &lt;queue&gt;_skipped queue on RabbitMQ):
/// the native dead-letter queue, reason "skipped".
/// </summary>
public sealed class ServiceBusDeadLetterSkippedTransport : IDeadLetterTransport
{
    public const string SkippedReason = "skipped";

    public Task Send(ReceiveContext context, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageLock = context.GetPayload<ServiceBusMessageLock>();
        var description = string.IsNullOrEmpty(reason) ? "No consumer on this endpoint takes the message type." : reason;
        return messageLock.DeadLetterAsync(SkippedReason, description, null, context.CancellationToken);
    }
}
