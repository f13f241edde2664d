using System.Globalization;
using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Headers;

/// <summary>
/// Carries MassTransit's headers as Service Bus application properties and its identifiers as the native
/// properties (MessageId, CorrelationId, ContentType), so duplicate detection, the portal and other Service
/// Bus tools see the same ids MassTransit does.
/// </summary>
public static class ServiceBusHeaderMapping
{
    /// <summary>Builds the native message: body, native properties, and every header as an application property.</summary>
    public static ServiceBusMessage ToServiceBusMessage(BinaryData body, OutgoingMessageProperties properties, IEnumerable<KeyValuePair<string, object?>> headers)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(headers);

        var message = new ServiceBusMessage(body);
        if (properties.MessageId is { } messageId)
        {
            message.MessageId = FormatId(messageId);
        }

        if (properties.CorrelationId is { } correlationId)
        {
            message.CorrelationId = FormatId(correlationId);
        }

        if (!string.IsNullOrEmpty(properties.ContentType))
        {
            message.ContentType = properties.ContentType;
        }

        if (properties.TimeToLive is { } timeToLive && timeToLive > TimeSpan.Zero)
        {
            message.TimeToLive = timeToLive;
        }

        if (!string.IsNullOrEmpty(properties.Subject))
        {
            message.Subject = properties.Subject;
        }

        foreach (var (name, value) in headers)
        {
            if (value is null || string.IsNullOrEmpty(name))
            {
                continue;
            }

            message.ApplicationProperties[name] = ToPropertyValue(value);
        }

        return message;
    }

    /// <summary>The MassTransit headers of a received message: its application properties, verbatim.</summary>
    public static IReadOnlyDictionary<string, object> ReadHeaders(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ApplicationProperties.ToDictionary(property => property.Key, property => property.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The MassTransit message id of a received message, when its native MessageId is one.</summary>
    public static Guid? ReadMessageId(ServiceBusReceivedMessage message) => ParseId(message.MessageId);

    public static Guid? ReadCorrelationId(ServiceBusReceivedMessage message) => ParseId(message.CorrelationId);

    /// <summary>Ids go out in the "D" form MassTransit itself writes, so both sides compare equal as strings.</summary>
    public static string FormatId(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static Guid? ParseId(string? value) => Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// AMQP carries primitives, Guid, Uri, DateTime(Offset), TimeSpan and byte arrays; anything else
    /// (MassTransit puts exception info and host info in headers) travels as JSON text.
    /// </summary>
    internal static object ToPropertyValue(object value) => value switch
    {
        string or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or char => value,
        Guid or DateTime or DateTimeOffset or TimeSpan or byte[] => value,
        Uri uri => uri.ToString(),
        Enum enumValue => enumValue.ToString(),
        _ => JsonSerializer.Serialize(value, value.GetType()),
    };
}
