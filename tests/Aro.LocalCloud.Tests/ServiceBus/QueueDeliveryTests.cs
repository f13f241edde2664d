using Azure.Messaging.ServiceBus;

namespace Aro.LocalCloud.Tests.ServiceBus;

public sealed class QueueDeliveryTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_sent_message_is_received_peek_locked_and_completed()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("hello") { MessageId = "m1", Subject = "greeting", ApplicationProperties = { ["k"] = "v" } });
        await using var receiver = fixture.Client.CreateReceiver(queue);

        var received = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal("hello", received.Body.ToString());
        Assert.Equal("m1", received.MessageId);
        Assert.Equal("greeting", received.Subject);
        Assert.Equal("v", received.ApplicationProperties["k"]);
        Assert.Equal(1, received.DeliveryCount);
        Assert.True(received.SequenceNumber > 0);
        Assert.True(received.LockedUntil > DateTimeOffset.UtcNow);
        await receiver.CompleteMessageAsync(received);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        var properties = await fixture.Administration.GetQueueRuntimePropertiesAsync(queue);
        Assert.Equal(0, properties.Value.TotalMessageCount);
    }

    [Fact]
    public async Task An_abandoned_message_comes_back_with_its_delivery_count_increased()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("again"));
        await using var receiver = fixture.Client.CreateReceiver(queue);

        var first = await receiver.ReceiveMessageAsync(Wait);
        await receiver.AbandonMessageAsync(first);
        var second = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(2, second.DeliveryCount);
    }

    [Fact]
    public async Task A_dead_lettered_message_lands_in_the_dead_letter_queue_with_reason_and_description()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("poison"));
        await using var receiver = fixture.Client.CreateReceiver(queue);
        var message = await receiver.ReceiveMessageAsync(Wait);

        await receiver.DeadLetterMessageAsync(message, "BadInput", "It could not be parsed.");

        await using var deadLetters = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var peeked = await deadLetters.PeekMessageAsync();
        Assert.Equal("BadInput", peeked.DeadLetterReason);
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("poison", dead.Body.ToString());
        Assert.Equal("BadInput", dead.DeadLetterReason);
        Assert.Equal("It could not be parsed.", dead.DeadLetterErrorDescription);
        Assert.Equal(queue, dead.DeadLetterSource);
        var counts = await fixture.Administration.GetQueueRuntimePropertiesAsync(queue);
        Assert.Equal(1, counts.Value.DeadLetterMessageCount);
        Assert.Equal(0, counts.Value.ActiveMessageCount);
    }

    [Fact]
    public async Task After_max_delivery_count_abandons_the_message_is_dead_lettered()
    {
        var queue = await fixture.CreateQueueAsync(o => o.MaxDeliveryCount = 2);
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("flaky"));
        await using var receiver = fixture.Client.CreateReceiver(queue);

        await receiver.AbandonMessageAsync(await receiver.ReceiveMessageAsync(Wait));
        await receiver.AbandonMessageAsync(await receiver.ReceiveMessageAsync(Wait));

        await using var deadLetters = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
    }

    [Fact]
    public async Task Receive_and_delete_removes_the_message_on_delivery()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("once"));
        await using var receiver = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });

        var received = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal("once", received.Body.ToString());
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Sending_to_a_missing_queue_fails_with_entity_not_found()
    {
        await using var sender = fixture.Client.CreateSender("no-such-queue");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }
}
