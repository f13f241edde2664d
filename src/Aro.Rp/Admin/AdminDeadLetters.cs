using System.Net;
using Aro.Api;
using Aro.Backend.DeadLetters;
using Aro.Messaging;
using Aro.Messaging.DeadLetters;

namespace Aro.Rp.Admin;

/// <summary>
/// The dead-letter tooling of <c>aro-rp dead-letters</c> over HTTP, on whichever broker the RP runs (RabbitMQ error
/// queues, Service Bus dead-letter queues). Only the RP's own queues can be named, so the admin API is no general
/// window onto the broker.
/// </summary>
internal sealed class AdminDeadLetters(IMessageTransport transport, IServiceProvider services)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? queue, string? messageId, CancellationToken cancellationToken)
    {
        await using var queues = await OpenAsync(cancellationToken);
        var listed = new List<DeadLetter>();
        foreach (var deadLetterQueue in await queues.ExistingAsync(Queues(queues, queue), cancellationToken))
        {
            listed.AddRange(await queues.ListAsync(deadLetterQueue, messageId, cancellationToken));
        }

        return listed;
    }

    /// <summary>One dead letter in full (body, headers, fault), the first with <paramref name="messageId"/> in the queue's dead-letter queue.</summary>
    public async Task<DeadLetterMessage?> ShowAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        await using var queues = await OpenAsync(cancellationToken);
        foreach (var deadLetterQueue in await queues.ExistingAsync(Queues(queues, queue), cancellationToken))
        {
            if (await queues.ShowAsync(deadLetterQueue, messageId, cancellationToken) is { } shown)
            {
                return shown;
            }
        }

        return null;
    }

    public Task<int> RequeueAsync(string queue, string? messageId, CancellationToken cancellationToken) =>
        SumOverAsync(queue, (queues, deadLetterQueue) => queues.RequeueAsync(deadLetterQueue, messageId, cancellationToken), cancellationToken);

    public Task<int> PurgeAsync(string queue, string? messageId, CancellationToken cancellationToken) =>
        SumOverAsync(queue, (queues, deadLetterQueue) => queues.PurgeAsync(deadLetterQueue, messageId, cancellationToken), cancellationToken);

    private async Task<int> SumOverAsync(string queue, Func<IDeadLetterQueues, string, Task<int>> act, CancellationToken cancellationToken)
    {
        await using var queues = await OpenAsync(cancellationToken);
        var total = 0;
        foreach (var deadLetterQueue in await queues.ExistingAsync(Queues(queues, queue), cancellationToken))
        {
            total += await act(queues, deadLetterQueue);
        }

        return total;
    }

    private static IReadOnlyList<string> Queues(IDeadLetterQueues queues, string? queue)
    {
        if (queue is null)
        {
            return KnownEndpoints.Names;
        }

        var deadLetterQueue = queues.DeadLetterQueueOf(queue);
        return KnownEndpoints.Names.Any(name => queues.DeadLetterQueueOf(name) == deadLetterQueue)
            ? [deadLetterQueue]
            : throw new CloudError(HttpStatusCode.NotFound, CloudErrorCodes.NotFound, "queue", $"'{queue}' is not one of the RP's queues.");
    }

    private async Task<IDeadLetterQueues> OpenAsync(CancellationToken cancellationToken) =>
        await transport.OpenDeadLetterQueuesAsync(services, cancellationToken)
        ?? throw new CloudError(HttpStatusCode.Conflict, CloudErrorCodes.RequestNotAllowed, null,
            $"Dead letters live on a broker (RabbitMQ or Service Bus); this RP runs on the {transport.Name} transport (ARO_TRANSPORT={transport.Name}), whose failed messages end with the process.");
}
