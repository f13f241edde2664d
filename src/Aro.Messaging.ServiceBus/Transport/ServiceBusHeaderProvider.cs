using Aro.Messaging.ServiceBus.Headers;
using Azure.Messaging.ServiceBus;
using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// MassTransit's view of a received message's headers: its application properties, and the native MessageId,
/// CorrelationId and ContentType under MassTransit's header names.
/// </summary>
public sealed class ServiceBusHeaderProvider(ServiceBusReceivedMessage message) : IHeaderProvider
{
    public IEnumerable<KeyValuePair<string, object>> GetAll()
    {
        foreach (var property in message.ApplicationProperties)
        {
            yield return property;
        }

        foreach (var name in NativeNames)
        {
            if (TryGetNative(name, out var value))
            {
                yield return new KeyValuePair<string, object>(name, value);
            }
        }
    }

    public bool TryGetHeader(string key, out object value)
    {
        if (TryGetNative(key, out value))
        {
            return true;
        }

        if (message.ApplicationProperties.TryGetValue(key, out var property) && property is not null)
        {
            value = property;
            return true;
        }

        value = null!;
        return false;
    }

    private static readonly string[] NativeNames = [MessageHeaders.MessageId, MessageHeaders.CorrelationId, MessageHeaders.ContentType];

    private bool TryGetNative(string key, out object value)
    {
        object? native = key switch
        {
            MessageHeaders.MessageId => ServiceBusHeaderMapping.ReadMessageId(message),
            MessageHeaders.CorrelationId => ServiceBusHeaderMapping.ReadCorrelationId(message),
            MessageHeaders.ContentType => string.IsNullOrEmpty(message.ContentType) ? null : message.ContentType,
            _ => null,
        };
        value = native!;
        return native is not null;
    }
}
