using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Topology;

/// <summary>
/// Whether an entity exists, asked with the rights the RP has in production (Service Bus Data Sender and Data
/// Receiver), not the administration API (Manage): a queue or subscription is peeked (nothing is locked or taken),
/// a topic gets a send link opened (no message is sent). The broker refuses a link to a missing entity with
/// <see cref="ServiceBusFailureReason.MessagingEntityNotFound"/>; any other refusal (rights, network) is not an
/// answer and surfaces as it is.
/// </summary>
public sealed class DataPlaneEntityProbe(ServiceBusClient client)
{
    public async Task<bool> QueueExistsAsync(string queue, CancellationToken cancellationToken)
    {
        await using var receiver = client.CreateReceiver(queue);
        return await AnsweredAsync(() => receiver.PeekMessageAsync(cancellationToken: cancellationToken));
    }

    public async Task<bool> SubscriptionExistsAsync(string topic, string subscription, CancellationToken cancellationToken)
    {
        await using var receiver = client.CreateReceiver(topic, subscription);
        return await AnsweredAsync(() => receiver.PeekMessageAsync(cancellationToken: cancellationToken));
    }

    public async Task<bool> TopicExistsAsync(string topic, CancellationToken cancellationToken)
    {
        await using var sender = client.CreateSender(topic);
        // Creating a batch opens the send link (to learn the entity's largest message); nothing is sent.
        return await AnsweredAsync(async () => (await sender.CreateMessageBatchAsync(cancellationToken)).Dispose());
    }

    private static async Task<bool> AnsweredAsync<T>(Func<Task<T>> probe)
    {
        try
        {
            await probe();
            return true;
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
            return false;
        }
    }

    private static Task<bool> AnsweredAsync(Func<Task> probe) => AnsweredAsync(async () =>
    {
        await probe();
        return true;
    });
}
