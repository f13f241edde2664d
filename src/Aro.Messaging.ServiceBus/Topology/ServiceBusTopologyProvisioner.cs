using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.Messaging.ServiceBus.Topology;

/// <summary>
/// Makes sure the endpoints' entities exist before the bus starts: with creation on (development) it creates
/// what is missing, idempotently, so several processes starting at once are fine; with creation off
/// (production, data-plane rights only) it only checks, through the data plane (<see cref="DataPlaneEntityProbe"/>),
/// and names the first missing entity.
/// Queues get duplicate detection (the RP's message ids are deterministic), MaxDeliveryCount as the last guard,
/// and dead-lettering of expired messages; each consumed topic gets a subscription forwarding into the queue.
/// </summary>
public sealed class ServiceBusTopologyProvisioner(ServiceBusAdministrationClient administration, ServiceBusClient client, ServiceBusTransportOptions options)
{
    private readonly DataPlaneEntityProbe _probe = new(client);

    public async Task EnsureAsync(IEnumerable<EndpointTopology> endpoints, bool create, CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints)
        {
            await EnsureQueueAsync(endpoint.Queue, create, cancellationToken);
            foreach (var topic in endpoint.Topics)
            {
                await EnsureTopicAsync(topic, create, cancellationToken);
                await EnsureSubscriptionAsync(topic, endpoint.Subscription, endpoint.Queue, create, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A process's own queue (the bus endpoint that receives responses): created even when the endpoints'
    /// entities are declared in infra, and deleted by the broker after it has been idle a while.
    /// </summary>
    public async Task EnsureTemporaryQueueAsync(string queue, CancellationToken cancellationToken)
    {
        if ((await administration.QueueExistsAsync(queue, cancellationToken)).Value)
        {
            return;
        }

        await CreateIgnoringRaceAsync(() => administration.CreateQueueAsync(
            new CreateQueueOptions(queue)
            {
                LockDuration = options.LockDuration,
                MaxDeliveryCount = options.MaxDeliveryCount,
                AutoDeleteOnIdle = TemporaryQueueIdleLifetime,
            },
            cancellationToken));
    }

    /// <summary>The broker's minimum is five minutes.</summary>
    public static readonly TimeSpan TemporaryQueueIdleLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The topic a publisher sends to; publishing to a type nobody consumes still needs it to exist.</summary>
    public Task EnsureTopicAsync(Type messageType, bool create, CancellationToken cancellationToken) =>
        EnsureTopicAsync(ServiceBusEntityNames.Topic(messageType), create, cancellationToken);

    private async Task EnsureQueueAsync(string queue, bool create, CancellationToken cancellationToken)
    {
        if (!create)
        {
            if (!await _probe.QueueExistsAsync(queue, cancellationToken))
            {
                throw new MissingEntityException(queue);
            }

            return;
        }

        if ((await administration.QueueExistsAsync(queue, cancellationToken)).Value)
        {
            return;
        }

        await CreateIgnoringRaceAsync(() => administration.CreateQueueAsync(
            new CreateQueueOptions(queue)
            {
                LockDuration = options.LockDuration,
                MaxDeliveryCount = options.MaxDeliveryCount,
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = options.DuplicateDetectionWindow,
                DeadLetteringOnMessageExpiration = true,
            },
            cancellationToken));
    }

    private async Task EnsureTopicAsync(string topic, bool create, CancellationToken cancellationToken)
    {
        if (!create)
        {
            if (!await _probe.TopicExistsAsync(topic, cancellationToken))
            {
                throw new MissingEntityException(topic);
            }

            return;
        }

        if ((await administration.TopicExistsAsync(topic, cancellationToken)).Value)
        {
            return;
        }

        await CreateIgnoringRaceAsync(() => administration.CreateTopicAsync(
            new CreateTopicOptions(topic)
            {
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = options.DuplicateDetectionWindow,
            },
            cancellationToken));
    }

    private async Task EnsureSubscriptionAsync(string topic, string subscription, string queue, bool create, CancellationToken cancellationToken)
    {
        if (!create)
        {
            if (!await _probe.SubscriptionExistsAsync(topic, subscription, cancellationToken))
            {
                throw new MissingEntityException($"{topic}/Subscriptions/{subscription}");
            }

            return;
        }

        if ((await administration.SubscriptionExistsAsync(topic, subscription, cancellationToken)).Value)
        {
            return;
        }
        // Messages land in the endpoint queue, where the queue's own lock, delivery count and dead-letter
        // queue apply; the subscription itself never holds them.
        await CreateIgnoringRaceAsync(() => administration.CreateSubscriptionAsync(
            new CreateSubscriptionOptions(topic, subscription) { ForwardTo = queue, MaxDeliveryCount = options.MaxDeliveryCount },
            cancellationToken));
    }

    /// <summary>Another process may create the same entity between the check and the create; that is success.</summary>
    private static async Task CreateIgnoringRaceAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
        }
        catch (Azure.Messaging.ServiceBus.ServiceBusException exception)
            when (exception.Reason == Azure.Messaging.ServiceBus.ServiceBusFailureReason.MessagingEntityAlreadyExists)
        {
        }
    }
}
