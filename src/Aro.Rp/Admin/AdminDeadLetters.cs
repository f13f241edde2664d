using System.Net;
using Aro.Api;
using Aro.Backend.DeadLetters;
using Aro.Messaging;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.RabbitMq.DeadLetters;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Admin;

/// <summary>
/// The dead-letter tooling of <c>aro-rp dead-letters</c> over HTTP. Only the RP's own error queues can be named, so the
/// admin API is no general window onto the broker.
/// </summary>
internal sealed class AdminDeadLetters(IMessageTransport transport, IServiceProvider services)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? queue, string? messageId, CancellationToken cancellationToken)
    {
        await using var queues = await ConnectAsync(cancellationToken);
        var listed = new List<DeadLetter>();
        foreach (var errorQueue in await queues.ExistingErrorQueuesAsync(Queues(queue), cancellationToken))
        {
            listed.AddRange(await queues.ListAsync(errorQueue, messageId, cancellationToken));
        }

        return listed;
    }

    /// <summary>One dead letter in full (body, headers, fault), the first with <paramref name="messageId"/> in the queue's error queue.</summary>
    public async Task<DeadLetterMessage?> ShowAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        await using var queues = await ConnectAsync(cancellationToken);
        foreach (var errorQueue in await queues.ExistingErrorQueuesAsync(Queues(queue), cancellationToken))
        {
            if (await queues.ShowAsync(errorQueue, messageId, cancellationToken) is { } shown)
            {
                return shown;
            }
        }

        return null;
    }

    public async Task<int> RequeueAsync(string queue, string? messageId, CancellationToken cancellationToken)
    {
        await using var queues = await ConnectAsync(cancellationToken);
        var moved = 0;
        foreach (var errorQueue in await queues.ExistingErrorQueuesAsync(Queues(queue), cancellationToken))
        {
            moved += await queues.RequeueAsync(errorQueue, messageId, cancellationToken);
        }

        return moved;
    }

    public async Task<int> PurgeAsync(string queue, string? messageId, CancellationToken cancellationToken)
    {
        await using var queues = await ConnectAsync(cancellationToken);
        var purged = 0;
        foreach (var errorQueue in await queues.ExistingErrorQueuesAsync(Queues(queue), cancellationToken))
        {
            purged += await queues.PurgeAsync(errorQueue, messageId, cancellationToken);
        }

        return purged;
    }

    private static IReadOnlyList<string> Queues(string? queue)
    {
        if (queue is null)
        {
            return KnownEndpoints.Names;
        }

        var errorQueue = ErrorQueueName.Of(queue);
        return KnownEndpoints.Names.Any(name => ErrorQueueName.Of(name) == errorQueue)
            ? [errorQueue]
            : throw new CloudError(HttpStatusCode.NotFound, CloudErrorCodes.NotFound, "queue", $"'{queue}' is not one of the RP's queues.");
    }

    private async Task<DeadLetterQueues> ConnectAsync(CancellationToken cancellationToken)
    {
        if (transport.Name != RabbitMqTransport.TransportName)
        {
            throw new CloudError(HttpStatusCode.Conflict, CloudErrorCodes.RequestNotAllowed, null,
                $"Dead letters live in RabbitMQ error queues; this RP runs on the {transport.Name} transport (ARO_TRANSPORT={transport.Name}).");
        }

        return await DeadLetterQueues.ConnectAsync(services.GetRequiredService<IOptions<RabbitMqOptions>>().Value, cancellationToken);
    }
}
