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

    private Task EnsureQueueAsync(string queue, bool create, CancellationToken cancellationToken) => EnsureEntityAsync(
        queue,
        create,
        token => _probe.QueueExistsAsync(queue, token),
        async token => (await administration.QueueExistsAsync(queue, token)).Value,
        token => administration.CreateQueueAsync(
            new CreateQueueOptions(queue)
            {
                LockDuration = options.LockDuration,
                MaxDeliveryCount = options.MaxDeliveryCount,
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = options.DuplicateDetectionWindow,
                DeadLetteringOnMessageExpiration = true,
            },
            token),
        cancellationToken);

    private Task EnsureTopicAsync(string topic, bool create, CancellationToken cancellationToken) => EnsureEntityAsync(
        topic,
        create,
        token => _probe.TopicExistsAsync(topic, token),
        async token => (await administration.TopicExistsAsync(topic, token)).Value,
        token => administration.CreateTopicAsync(
            new CreateTopicOptions(topic)
            {
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = options.DuplicateDetectionWindow,
            },
            token),
        cancellationToken);

    // Messages land in the endpoint queue, where the queue's own lock, delivery count and dead-letter queue apply; the
    // subscription itself never holds them.
    private Task EnsureSubscriptionAsync(string topic, string subscription, string queue, bool create, CancellationToken cancellationToken) => EnsureEntityAsync(
        $"{topic}/Subscriptions/{subscription}",
        create,
        token => _probe.SubscriptionExistsAsync(topic, subscription, token),
        async token => (await administration.SubscriptionExistsAsync(topic, subscription, token)).Value,
        token => administration.CreateSubscriptionAsync(
            new CreateSubscriptionOptions(topic, subscription) { ForwardTo = queue, MaxDeliveryCount = options.MaxDeliveryCount },
            token),
        cancellationToken);

    /// <summary>
    /// Without <paramref name="create"/> (production: data-plane rights only) an entity is only looked for through the
    /// data plane and a missing one is <see cref="MissingEntityException"/>; with it, the administration client creates
    /// what is missing.
    /// </summary>
    private static async Task EnsureEntityAsync<T>(
        string path,
        bool create,
        Func<CancellationToken, Task<bool>> existsOnDataPlane,
        Func<CancellationToken, Task<bool>> existsOnAdministration,
        Func<CancellationToken, Task<T>> createIt,
        CancellationToken cancellationToken)
    {
        if (!create)
        {
            if (!await existsOnDataPlane(cancellationToken))
            {
                throw new MissingEntityException(path);
            }

            return;
        }

        if (!await existsOnAdministration(cancellationToken))
        {
            await CreateIgnoringRaceAsync(() => createIt(cancellationToken));
        }
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
