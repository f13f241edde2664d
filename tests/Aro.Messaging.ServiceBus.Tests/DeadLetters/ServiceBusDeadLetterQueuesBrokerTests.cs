using Aro.Messaging.ServiceBus.DeadLetters;
using Aro.Messaging.ServiceBus.Headers;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Tests.DeadLetters;

/// <summary>The operator commands' operations against the local cloud's Service Bus dead-letter sub-queues.</summary>
public sealed class ServiceBusDeadLetterQueuesBrokerTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    [Fact]
    public async Task A_faulted_message_is_listed_with_its_reason_and_requeued_with_its_headers()
    {
        var queue = await QueueWithDeadLettersAsync("first", "second");
        var queues = new ServiceBusDeadLetterQueues(bus.Client);

        var listed = await queues.ListAsync(queue, null, CancellationToken.None);

        Assert.Equal(2, listed.Count);
        Assert.All(listed, deadLetter => Assert.Equal("System.InvalidOperationException: subnet overlaps", deadLetter.FaultReason));
        Assert.Equal(queue, listed[0].OriginalQueue);

        var moved = await queues.RequeueAsync(queue, listed[0].MessageId, CancellationToken.None);

        Assert.Equal(1, moved);
        Assert.Single(await queues.ListAsync(queue, null, CancellationToken.None));
        await using var receiver = bus.Client.CreateReceiver(queue);
        var requeued = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(requeued);
        Assert.Equal(listed[0].MessageId, requeued.MessageId);
        Assert.Equal("v", requeued.ApplicationProperties["MT-Custom"]);
        Assert.Null(requeued.DeadLetterReason);
    }

    [Fact]
    public async Task Purge_of_one_message_leaves_the_others_and_purge_of_all_empties_the_queue()
    {
        var queue = await QueueWithDeadLettersAsync("a", "b", "c");
        var queues = new ServiceBusDeadLetterQueues(bus.Client);
        var listed = await queues.ListAsync(queue, null, CancellationToken.None);

        Assert.Equal(1, await queues.PurgeAsync(queue, listed[1].MessageId, CancellationToken.None));
        Assert.Equal(2, (await queues.ListAsync(queue, null, CancellationToken.None)).Count);
        Assert.Equal(2, await queues.PurgeAsync(queue, null, CancellationToken.None));
        Assert.Empty(await queues.ListAsync(queue, null, CancellationToken.None));
    }

    [Fact]
    public async Task Only_existing_queues_are_offered()
    {
        var queue = await QueueWithDeadLettersAsync();
        var queues = new ServiceBusDeadLetterQueues(bus.Client);

        Assert.Equal([ServiceBusEntityNames.DeadLetterQueueOf(queue)], await queues.ExistingAsync([queue, LocalServiceBusFixture.UniqueName("never-created")], CancellationToken.None));
    }

    /// <summary>A queue whose messages were dead-lettered the way the transport does it on a fault.</summary>
    private async Task<string> QueueWithDeadLettersAsync(params string[] bodies)
    {
        var queue = LocalServiceBusFixture.UniqueName("configure-dns");
        await bus.Administration.CreateQueueAsync(queue);
        await using var sender = bus.Client.CreateSender(queue);
        foreach (var body in bodies)
        {
            await sender.SendMessageAsync(ServiceBusHeaderMapping.ToServiceBusMessage(
                BinaryData.FromString(body),
                new OutgoingMessageProperties { MessageId = Guid.NewGuid() },
                [new("MT-Custom", "v")]));
        }

        await using var receiver = bus.Client.CreateReceiver(queue);
        var reason = DeadLetterReason.FromException(new InvalidOperationException("subnet overlaps"));
        for (var i = 0; i < bodies.Length; i++)
        {
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
            Assert.NotNull(message);
            await receiver.DeadLetterMessageAsync(message, reason.Reason, reason.Description);
        }

        return queue;
    }
}
