using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// Between AMQP messages and the broker's records: a sent message is kept exactly as encoded; each delivery is
/// a copy carrying the broker's annotations (sequence number, enqueued time, lock) and the delivery count.
/// </summary>
internal sealed class AmqpMessageCodec : IPayloadEditor
{
    public const string SequenceNumber = "x-opt-sequence-number";
    public const string EnqueuedTime = "x-opt-enqueued-time";
    public const string LockedUntil = "x-opt-locked-until";
    public const string ScheduledEnqueueTime = "x-opt-scheduled-enqueue-time";
    public const string DeadLetterSource = "x-opt-deadletter-source";
    public const string EnqueueSequenceNumber = "x-opt-enqueue-sequence-number";

    /// <summary>The encoded messages of a transfer: itself, or (the SDK's batches) each one held in a Data section.</summary>
    public static IEnumerable<byte[]> Unbatch(AmqpMessage received, byte[] encoded)
    {
        if (received.MessageFormat != AmqpConstants.AmqpBatchedMessageFormat)
        {
            yield return encoded;
            yield break;
        }

        foreach (var data in received.DataBody)
        {
            yield return ((ArraySegment<byte>)data.Value).ToArray();
        }
    }

    /// <summary>The bytes of a message as it arrived on a link.</summary>
    public static byte[] Raw(AmqpMessage received)
    {
        var stream = (BufferListStream)((BufferListStream)received.ToStream()).Clone();
        stream.Position = 0;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The bytes of a message built or changed here.</summary>
    public static byte[] Serialize(AmqpMessage message)
    {
        var segments = message.GetPayload(int.MaxValue, out _);
        using var copy = new MemoryStream();
        foreach (var segment in segments)
        {
            copy.Write(segment.Array!, segment.Offset, segment.Count);
        }

        return copy.ToArray();
    }

    public static AmqpMessage Decode(byte[] encoded) =>
        AmqpMessage.CreateAmqpStreamMessage(new BufferListStream([new ArraySegment<byte>(encoded)]));

    public static IncomingMessage ToIncoming(byte[] encoded)
    {
        var message = Decode(encoded);
        var properties = message.Properties;
        var applicationProperties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (message.ApplicationProperties?.Map is { } map)
        {
            foreach (var pair in map)
            {
                applicationProperties[pair.Key.Key?.ToString() ?? ""] = pair.Value;
            }
        }

        TimeSpan? timeToLive = message.Header?.Ttl is { } ttl and > 0 ? TimeSpan.FromMilliseconds(ttl) : null;
        DateTime? scheduled = null;
        if (message.MessageAnnotations?.Map is { } annotations && annotations.TryGetValue<DateTime>(ScheduledEnqueueTime, out var at))
        {
            scheduled = at.ToUniversalTime();
        }

        var messageId = properties?.MessageId?.ToString();
        var routing = new MessageRoutingFields(
            messageId,
            properties?.CorrelationId?.ToString(),
            properties?.To?.ToString(),
            properties?.ReplyTo?.ToString(),
            properties?.Subject,
            properties?.GroupId,
            properties?.ReplyToGroupId,
            properties?.ContentType.Value,
            applicationProperties);
        return new IncomingMessage(encoded, messageId, timeToLive, scheduled, routing);
    }

    /// <summary>The message as delivered: the stored encoding plus the broker's annotations.</summary>
    public static AmqpMessage ToDelivery(BrokeredMessage message, bool locked)
    {
        var delivery = Decode(message.Payload);
        delivery.Header.DeliveryCount = (uint)Math.Max(0, message.DeliveryCount - 1);
        var annotations = delivery.MessageAnnotations.Map;
        annotations[SequenceNumber] = message.SequenceNumber;
        annotations[EnqueueSequenceNumber] = message.SequenceNumber;
        annotations[EnqueuedTime] = message.EnqueuedTimeUtc;
        if (locked)
        {
            annotations[LockedUntil] = message.LockedUntilUtc;
        }

        if (message.DeadLetterSource is not null)
        {
            annotations[DeadLetterSource] = message.DeadLetterSource;
        }

        return delivery;
    }

    public byte[] WithApplicationProperties(byte[] payload, IReadOnlyDictionary<string, object> properties)
    {
        var message = Decode(payload);
        message.ApplicationProperties ??= new ApplicationProperties();
        foreach (var (key, value) in properties)
        {
            message.ApplicationProperties.Map[key] = value;
        }

        return Serialize(message);
    }
}
