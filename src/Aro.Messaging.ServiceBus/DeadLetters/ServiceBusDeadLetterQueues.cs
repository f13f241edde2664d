using System.Globalization;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.ServiceBus.Connection;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.DeadLetters;

/// <summary>
/// The operator's view of the native dead-letter queues: list and show peek (nothing is locked or moved);
/// requeue sends a copy to the original queue and only then completes the dead letter, so at worst a
/// message is in both, never in none; purge receives and deletes.
/// </summary>
public sealed class ServiceBusDeadLetterQueues : IDeadLetterQueues
{
    private const int PageSize = 100;

    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(2);

    private readonly ServiceBusClient _client;
    private readonly DataPlaneEntityProbe _probe;

    public ServiceBusDeadLetterQueues(ServiceBusClient client)
    {
        _client = client;
        _probe = new DataPlaneEntityProbe(client);
    }

    /// <summary>Data plane only (Data Sender and Receiver): even which queues exist is asked by peeking them.</summary>
    public static ServiceBusDeadLetterQueues Connect(ServiceBusTransportOptions options) =>
        new(ServiceBusClients.CreateClient(options));

    public string Kind => "dead-letter queues";

    public string DeadLetterQueueOf(string queue) => ServiceBusEntityNames.DeadLetterQueueOf(queue);

    /// <summary>The dead-letter queues of the endpoint queues among <paramref name="queues"/> that exist (each queue has one).</summary>
    public async Task<IReadOnlyList<string>> ExistingAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var existing = new List<string>();
        foreach (var queue in queues.Select(ServiceBusEntityNames.QueueOfDeadLetterQueue).Distinct(StringComparer.Ordinal))
        {
            if (await _probe.QueueExistsAsync(queue, cancellationToken))
            {
                existing.Add(ServiceBusEntityNames.DeadLetterQueueOf(queue));
            }
        }

        return existing;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string deadLetterQueue, string? messageId, CancellationToken cancellationToken)
    {
        var queue = ServiceBusEntityNames.QueueOfDeadLetterQueue(deadLetterQueue);
        await using var receiver = _client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var listed = new List<DeadLetter>();
        long? fromSequenceNumber = null;
        while (true)
        {
            var page = await receiver.PeekMessagesAsync(PageSize, fromSequenceNumber, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            listed.AddRange(page.Select(message => Describe(queue, message)).Where(deadLetter => Matches(deadLetter, messageId)));
            fromSequenceNumber = page[^1].SequenceNumber + 1;
        }

        return listed;
    }

    /// <summary>The first dead letter with <paramref name="messageId"/> in full, or null; peeked, so it stays where it is.</summary>
    public async Task<DeadLetterMessage?> ShowAsync(string deadLetterQueue, string messageId, CancellationToken cancellationToken)
    {
        var queue = ServiceBusEntityNames.QueueOfDeadLetterQueue(deadLetterQueue);
        await using var receiver = _client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        long? fromSequenceNumber = null;
        while (true)
        {
            var page = await receiver.PeekMessagesAsync(PageSize, fromSequenceNumber, cancellationToken);
            if (page.Count == 0)
            {
                return null;
            }

            foreach (var message in page)
            {
                var deadLetter = Describe(queue, message);
                if (Matches(deadLetter, messageId))
                {
                    // The broker's own dead-letter properties first, then the application properties (MassTransit's headers).
                    var headers = new List<KeyValuePair<string, string?>>
                    {
                        KeyValuePair.Create<string, string?>(nameof(message.DeadLetterReason), message.DeadLetterReason),
                        KeyValuePair.Create<string, string?>(nameof(message.DeadLetterErrorDescription), message.DeadLetterErrorDescription),
                        KeyValuePair.Create<string, string?>(nameof(message.DeadLetterSource), message.DeadLetterSource),
                        KeyValuePair.Create<string, string?>(nameof(message.DeliveryCount), message.DeliveryCount.ToString(CultureInfo.InvariantCulture)),
                    };
                    headers.AddRange(message.ApplicationProperties.Select(property =>
                        KeyValuePair.Create(property.Key, Convert.ToString(property.Value, CultureInfo.InvariantCulture))));
                    return new DeadLetterMessage(
                        deadLetter.Queue,
                        queue,
                        deadLetter.MessageId,
                        deadLetter.MessageType,
                        deadLetter.FaultedAt,
                        deadLetter.FaultReason,
                        ExceptionOf(message),
                        headers,
                        message.Body.ToString());
                }
            }

            fromSequenceNumber = page[^1].SequenceNumber + 1;
        }
    }

    /// <summary>Moves the matching dead letters (all when <paramref name="messageId"/> is null) back to their queue; returns how many.</summary>
    public async Task<int> RequeueAsync(string deadLetterQueue, string? messageId, CancellationToken cancellationToken)
    {
        var queue = ServiceBusEntityNames.QueueOfDeadLetterQueue(deadLetterQueue);
        await using var sender = _client.CreateSender(queue);
        return await ReceiveMatchingAsync(queue, messageId, ServiceBusReceiveMode.PeekLock, async (receiver, message) =>
        {
            // A new message with the same body, ids and MassTransit headers; the broker's own dead-letter
            // properties stay behind with the original.
            await sender.SendMessageAsync(new ServiceBusMessage(message), cancellationToken);
            await receiver.CompleteMessageAsync(message, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Deletes the matching dead letters (all when <paramref name="messageId"/> is null); returns how many.</summary>
    public async Task<int> PurgeAsync(string deadLetterQueue, string? messageId, CancellationToken cancellationToken)
    {
        var queue = ServiceBusEntityNames.QueueOfDeadLetterQueue(deadLetterQueue);
        if (messageId is null)
        {
            return await ReceiveMatchingAsync(queue, null, ServiceBusReceiveMode.ReceiveAndDelete, (_, _) => Task.CompletedTask, cancellationToken);
        }
        // Only some: lock each, complete those that match, leave the others where they are.
        return await ReceiveMatchingAsync(queue, messageId, ServiceBusReceiveMode.PeekLock,
            (receiver, message) => receiver.CompleteMessageAsync(message, cancellationToken), cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();

    /// <summary>
    /// Receives what the dead-letter queue holds now, once each: messages that match are handed to
    /// <paramref name="handle"/>; the others are abandoned (peek-lock) when the walk ends, however it ends.
    /// </summary>
    private async Task<int> ReceiveMatchingAsync(
        string queue,
        string? messageId,
        ServiceBusReceiveMode mode,
        Func<ServiceBusReceiver, ServiceBusReceivedMessage, Task> handle,
        CancellationToken cancellationToken)
    {
        await using var receiver = _client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = mode });
        var held = new List<ServiceBusReceivedMessage>();
        var handled = 0;
        try
        {
            while (true)
            {
                var batch = await receiver.ReceiveMessagesAsync(PageSize, ReceiveWait, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    if (Matches(Describe(queue, message), messageId))
                    {
                        await handle(receiver, message);
                        handled++;
                    }
                    else
                    {
                        // Held locked until the end, so the walk does not see it again.
                        held.Add(message);
                    }
                }
            }
        }
        finally
        {
            if (mode == ServiceBusReceiveMode.PeekLock)
            {
                foreach (var message in held)
                {
                    await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
                }
            }
        }

        return handled;
    }

    internal static DeadLetter Describe(string queue, ServiceBusReceivedMessage message)
    {
        var reason = string.IsNullOrEmpty(message.DeadLetterErrorDescription)
            ? message.DeadLetterReason
            : $"{message.DeadLetterReason}: {FirstLine(message.DeadLetterErrorDescription)}";
        var messageType = message.ApplicationProperties.TryGetValue("MT-MessageType", out var type) ? type?.ToString() : message.Subject;
        return new DeadLetter(
            ServiceBusEntityNames.DeadLetterQueueOf(queue),
            queue,
            message.MessageId,
            messageType,
            reason,
            message.EnqueuedTime == default ? null : message.EnqueuedTime);
    }

    // The transport writes the exception type as the reason and its message and stack as the description
    // (DeadLetterReason.FromException); a broker-made dead letter (MaxDeliveryCountExceeded) has only the reason.
    private static string? ExceptionOf(ServiceBusReceivedMessage message) =>
        string.IsNullOrEmpty(message.DeadLetterErrorDescription)
            ? message.DeadLetterReason
            : $"{message.DeadLetterReason}: {message.DeadLetterErrorDescription}";

    private static bool Matches(DeadLetter deadLetter, string? messageId) =>
        messageId is null || string.Equals(deadLetter.MessageId, messageId, StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
