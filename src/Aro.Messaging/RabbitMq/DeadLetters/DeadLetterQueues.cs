using System.Globalization;
using System.Text;
using System.Text.Json;
using Aro.Messaging.DeadLetters;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Aro.Messaging.RabbitMq.DeadLetters;

/// <summary>
/// The error queues on RabbitMQ, over AMQP: messages are read with basic.get and held unacknowledged while they are
/// looked at, so a crash at any point leaves every message in its queue. A requeue publishes the copy to the original
/// queue with publisher confirms and only then acknowledges the original: at worst a message is in both, never in none.
/// </summary>
public sealed class DeadLetterQueues : IDeadLetterQueues
{
    // Headers MassTransit adds when it moves a message to the error queue; a requeued message starts clean.
    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason", "MT-Host-"];

    private readonly IConnection _connection;

    private DeadLetterQueues(IConnection connection) => _connection = connection;

    public static async Task<DeadLetterQueues> ConnectAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.EffectivePort,
            VirtualHost = options.VirtualHost,
            UserName = options.Username,
            Password = options.Password,
            ClientProvidedName = "aro-rp dead-letters",
        };
        if (options.UseTls)
        {
            factory.Ssl = new SslOption(options.Host) { Enabled = true };
        }

        return new DeadLetterQueues(await factory.CreateConnectionAsync(cancellationToken));
    }

    public string Kind => "error queues";

    public string DeadLetterQueueOf(string queue) => ErrorQueueName.Of(queue);

    /// <summary>The error queues among <paramref name="queues"/> (endpoint or error queue names) that exist.</summary>
    public async Task<IReadOnlyList<string>> ExistingAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var existing = new List<string>();
        foreach (var queue in queues.Select(ErrorQueueName.Of).Distinct(StringComparer.Ordinal))
        {
            // A passive declare of a missing queue closes the channel, so each check gets its own.
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                existing.Add(queue);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                // Nothing ever faulted there.
            }
        }

        return existing;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string errorQueue, string? messageId, CancellationToken cancellationToken)
    {
        var listed = new List<DeadLetter>();
        await ForEachAsync(errorQueue, async (_, message) =>
        {
            var deadLetter = Describe(errorQueue, message);
            if (Matches(deadLetter, messageId))
            {
                listed.Add(deadLetter);
            }

            return await Task.FromResult(Disposition.Keep);
        }, cancellationToken);
        return listed;
    }

    /// <summary>The first message with <paramref name="messageId"/> in full, or null; like list, it leaves every message where it is.</summary>
    public async Task<DeadLetterMessage?> ShowAsync(string errorQueue, string messageId, CancellationToken cancellationToken)
    {
        DeadLetterMessage? shown = null;
        await ForEachAsync(errorQueue, (_, message) =>
        {
            var deadLetter = Describe(errorQueue, message);
            if (shown is null && Matches(deadLetter, messageId))
            {
                var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
                shown = new DeadLetterMessage(
                    errorQueue,
                    deadLetter.OriginalQueue,
                    deadLetter.MessageId,
                    deadLetter.MessageType,
                    deadLetter.FaultedAt,
                    deadLetter.FaultReason,
                    ExceptionOf(headers),
                    [.. headers.Select(header => KeyValuePair.Create(header.Key, Header(headers, header.Key)))],
                    Encoding.UTF8.GetString(message.Body.Span));
            }

            return Task.FromResult(Disposition.Keep);
        }, cancellationToken);
        return shown;
    }

    /// <summary>Moves the matching messages (all when <paramref name="messageId"/> is null) back to their original queue; returns how many.</summary>
    public async Task<int> RequeueAsync(string errorQueue, string? messageId, CancellationToken cancellationToken)
    {
        var moved = 0;
        await using var publisher = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await ForEachAsync(errorQueue, async (_, message) =>
        {
            var deadLetter = Describe(errorQueue, message);
            if (!Matches(deadLetter, messageId))
            {
                return Disposition.Keep;
            }

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(header => !FaultHeaderPrefixes.Any(prefix => header.Key.StartsWith(prefix, StringComparison.Ordinal)))
                    .ToDictionary(header => header.Key, header => header.Value),
            };
            // The default exchange routes by queue name: straight back to the queue it failed on. The await returns once
            // the broker confirmed the copy, and only then is the original acknowledged.
            await publisher.BasicPublishAsync(string.Empty, deadLetter.OriginalQueue, mandatory: true, properties, message.Body, cancellationToken);
            moved++;
            return Disposition.Remove;
        }, cancellationToken);
        return moved;
    }

    /// <summary>Deletes the matching messages, or all of them at once when <paramref name="messageId"/> is null; returns how many.</summary>
    public async Task<int> PurgeAsync(string errorQueue, string? messageId, CancellationToken cancellationToken)
    {
        if (messageId is null)
        {
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            return (int)await channel.QueuePurgeAsync(errorQueue, cancellationToken);
        }

        var purged = 0;
        await ForEachAsync(errorQueue, (_, message) =>
        {
            if (!Matches(Describe(errorQueue, message), messageId))
            {
                return Task.FromResult(Disposition.Keep);
            }

            purged++;
            return Task.FromResult(Disposition.Remove);
        }, cancellationToken);
        return purged;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>
    /// Reads every message the queue holds now, once each, and acknowledges those <paramref name="visit"/> removes; the
    /// others go back (nack with requeue) when the walk ends, however it ends.
    /// </summary>
    private async Task ForEachAsync(string queue, Func<IChannel, BasicGetResult, Task<Disposition>> visit, CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var count = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        ulong? lastKept = null;
        try
        {
            for (var read = 0u; read < count; read++)
            {
                var message = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
                if (message is null)
                {
                    break;
                }

                if (await visit(channel, message) == Disposition.Remove)
                {
                    await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                }
                else
                {
                    lastKept = message.DeliveryTag;
                }
            }
        }
        finally
        {
            if (lastKept is { } tag)
            {
                // Every delivery up to the last kept one that is still unacknowledged goes back, in its order.
                await channel.BasicNackAsync(tag, multiple: true, requeue: true, CancellationToken.None);
            }
        }
    }

    private static DeadLetter Describe(string errorQueue, BasicGetResult message)
    {
        var properties = message.BasicProperties;
        var headers = properties.Headers ?? new Dictionary<string, object?>();
        var inputAddress = Header(headers, "MT-Fault-InputAddress");
        var originalQueue = inputAddress is not null && Uri.TryCreate(inputAddress, UriKind.Absolute, out var address)
            ? address.Segments[^1]
            : errorQueue[..^ErrorQueueName.Suffix.Length];
        var faultedAt = DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? timestamp
            : properties.IsTimestampPresent() ? DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime) : (DateTimeOffset?)null;
        return new DeadLetter(
            errorQueue,
            originalQueue,
            properties.IsMessageIdPresent() ? properties.MessageId : null,
            MessageTypeOf(properties, headers, message.Body),
            Header(headers, "MT-Fault-Message"),
            faultedAt);
    }

    // MassTransit's fault headers: the exception's type, message and stack trace, as one text like .NET prints it.
    private static string? ExceptionOf(IDictionary<string, object?> headers)
    {
        var type = Header(headers, "MT-Fault-ExceptionType");
        var message = Header(headers, "MT-Fault-Message");
        var stackTrace = Header(headers, "MT-Fault-StackTrace");
        if (type is null && message is null && stackTrace is null)
        {
            return null;
        }

        var exception = type is null ? message : message is null ? type : $"{type}: {message}";
        return stackTrace is null ? exception : $"{exception}{Environment.NewLine}{stackTrace}";
    }

    // MassTransit names the type as urn:message:Namespace:Type: in the JSON envelope's messageType (first is the most
    // specific), or in the AMQP type property / MT-MessageType header when another serializer or sender set them.
    private static string? MessageTypeOf(IReadOnlyBasicProperties properties, IDictionary<string, object?> headers, ReadOnlyMemory<byte> body)
    {
        var type = properties.IsTypePresent() ? properties.Type : Header(headers, "MT-MessageType") ?? EnvelopeMessageType(body);
        return type?.Split(';')[0].Replace("urn:message:", string.Empty, StringComparison.Ordinal);
    }

    private static string? EnvelopeMessageType(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array
                && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        } : null;

    private static bool Matches(DeadLetter deadLetter, string? messageId) =>
        messageId is null || string.Equals(deadLetter.MessageId, messageId, StringComparison.OrdinalIgnoreCase);

    private enum Disposition
    {
        Keep,
        Remove,
    }
}
