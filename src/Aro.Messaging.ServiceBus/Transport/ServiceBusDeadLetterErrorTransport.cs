using Aro.Messaging.ServiceBus.DeadLetters;
using Aro.Messaging.ServiceBus.Headers;
using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Where MassTransit puts a faulted message: the queue's native dead-letter queue instead of a &lt;queue&gt;_error
/// queue, with the exception type and text as DeadLetterReason / DeadLetterErrorDescription (what the portal's
/// Service Bus Explorer shows) and MassTransit's MT-Fault-* headers added to the message's properties.
/// </summary>
public sealed class ServiceBusDeadLetterErrorTransport : IErrorTransport
{
    public Task Send(ExceptionReceiveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageLock = context.GetPayload<ServiceBusMessageLock>();
        var reason = DeadLetterReason.FromException(context.Exception);
        var properties = context.ExceptionHeaders.GetAll()
            .Where(header => header.Value is not null)
            .ToDictionary(header => header.Key, header => ServiceBusHeaderMapping.ToPropertyValue(header.Value), StringComparer.Ordinal);
        return messageLock.DeadLetterAsync(reason.Reason, reason.Description, properties, context.CancellationToken);
    }
}
