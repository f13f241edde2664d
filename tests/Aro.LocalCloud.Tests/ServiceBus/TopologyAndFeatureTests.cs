using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

public sealed class TopologyAndFeatureTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_as_unauthorized()
    {
        var wrongKey = fixture.Server.ServiceBus.ConnectionString.Replace(
            fixture.Server.LocalCloudKey(), "d3Jvbmcga2V5IGZvciB0aGlzIG5hbWVzcGFjZQ==", StringComparison.Ordinal);
        var queue = await fixture.CreateQueueAsync();
        await using var client = ServiceBusFixture.CreateClient(wrongKey);
        await using var sender = client.CreateSender(queue);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));

        Assert.Contains("signature", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_subscription_with_a_correlation_rule_forwards_matching_messages_into_a_queue_with_a_slashed_name()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var topic = $"aro/events/{suffix}";
        var endpoint = $"aro/endpoint-{suffix}";
        await fixture.Administration.CreateQueueAsync(endpoint);
        await fixture.Administration.CreateTopicAsync(topic);
        await fixture.Administration.CreateSubscriptionAsync(
            new CreateSubscriptionOptions(topic, "endpoint") { ForwardTo = endpoint },
            new CreateRuleOptions("only-created", new CorrelationRuleFilter { ApplicationProperties = { ["kind"] = "created" } }));

        await using var sender = fixture.Client.CreateSender(topic);
        await sender.SendMessageAsync(new ServiceBusMessage("skipped") { ApplicationProperties = { ["kind"] = "deleted" } });
        await sender.SendMessageAsync(new ServiceBusMessage("wanted") { ApplicationProperties = { ["kind"] = "created" } });
        await using var receiver = fixture.Client.CreateReceiver(endpoint);

        var received = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("wanted", received.Body.ToString());
        await receiver.CompleteMessageAsync(received);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));

        var subscription = await fixture.Administration.GetSubscriptionAsync(topic, "endpoint");
        Assert.EndsWith(endpoint, subscription.Value.ForwardTo, StringComparison.Ordinal);
        var rules = new List<RuleProperties>();
        await foreach (var rule in fixture.Administration.GetRulesAsync(topic, "endpoint"))
        {
            rules.Add(rule);
        }

        Assert.Equal("only-created", Assert.Single(rules).Name);
        Assert.True((await fixture.Administration.TopicExistsAsync(topic)).Value);
        await fixture.Administration.DeleteTopicAsync(topic);
        Assert.False((await fixture.Administration.TopicExistsAsync(topic)).Value);
    }

    [Fact]
    public async Task Queues_are_created_read_updated_listed_and_deleted_through_the_administration_client()
    {
        var queue = await fixture.CreateQueueAsync(o => o.LockDuration = TimeSpan.FromSeconds(30));
        var properties = (await fixture.Administration.GetQueueAsync(queue)).Value;
        Assert.Equal(TimeSpan.FromSeconds(30), properties.LockDuration);

        properties.MaxDeliveryCount = 3;
        await fixture.Administration.UpdateQueueAsync(properties);
        Assert.Equal(3, (await fixture.Administration.GetQueueAsync(queue)).Value.MaxDeliveryCount);

        var names = new List<string>();
        await foreach (var listed in fixture.Administration.GetQueuesAsync())
        {
            names.Add(listed.Name);
        }

        Assert.Contains(queue, names);
        var duplicate = await Assert.ThrowsAsync<ServiceBusException>(() => fixture.Administration.CreateQueueAsync(queue));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityAlreadyExists, duplicate.Reason);
        await fixture.Administration.DeleteQueueAsync(queue);
        var missing = await Assert.ThrowsAsync<ServiceBusException>(() => fixture.Administration.GetQueueAsync(queue));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, missing.Reason);
    }

    [Fact]
    public async Task A_scheduled_message_arrives_at_its_time_and_a_cancelled_one_never_does()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        var cancelled = await sender.ScheduleMessageAsync(new ServiceBusMessage("cancelled"), DateTimeOffset.UtcNow.AddSeconds(1));
        await sender.ScheduleMessageAsync(new ServiceBusMessage("later"), DateTimeOffset.UtcNow.AddSeconds(1));
        await sender.CancelScheduledMessageAsync(cancelled);
        Assert.Equal(1, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.ScheduledMessageCount);
        await using var receiver = fixture.Client.CreateReceiver(queue);

        var received = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal("later", received.Body.ToString());
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public async Task A_duplicate_message_id_within_the_window_is_dropped()
    {
        var queue = await fixture.CreateQueueAsync(o => o.RequiresDuplicateDetection = true);
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("one") { MessageId = "same" });
        await sender.SendMessageAsync(new ServiceBusMessage("two") { MessageId = "same" });

        Assert.Equal(1, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task A_deferred_message_is_received_by_sequence_number_and_completed()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("later please"));
        await using var receiver = fixture.Client.CreateReceiver(queue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        await receiver.DeferMessageAsync(message);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));

        var deferred = await receiver.ReceiveDeferredMessageAsync(message.SequenceNumber);
        await receiver.CompleteMessageAsync(deferred);

        Assert.Equal("later please", deferred.Body.ToString());
        Assert.Equal(0, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.TotalMessageCount);
    }

    [Fact]
    public async Task An_expired_lock_returns_the_message_and_a_renewed_lock_keeps_it()
    {
        var queue = await fixture.CreateQueueAsync(o => o.LockDuration = TimeSpan.FromSeconds(2));
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("slow"));
        await using var receiver = fixture.Client.CreateReceiver(queue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        await receiver.RenewMessageLockAsync(message);

        var again = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal(message.SequenceNumber, again.SequenceNumber);
        Assert.Equal(2, again.DeliveryCount);
        var lost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(message));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lost.Reason);
    }

    [Fact]
    public async Task An_expired_message_is_dead_lettered_when_the_queue_asks()
    {
        var queue = await fixture.CreateQueueAsync(o => o.DeadLetteringOnMessageExpiration = true);
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("stale") { TimeToLive = TimeSpan.FromMilliseconds(300) });
        await using var deadLetters = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });

        var dead = await deadLetters.ReceiveMessageAsync(Wait);

        Assert.Equal("stale", dead.Body.ToString());
        Assert.Equal("TTLExpiredException", dead.DeadLetterReason);
    }

    [Fact]
    public async Task A_message_over_256_KB_fails_with_message_size_exceeded()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage(new byte[300 * 1024])));

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
    }

    [Fact]
    public async Task Concurrent_receivers_never_get_the_same_message()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        using var batch = await sender.CreateMessageBatchAsync();
        for (var i = 0; i < 200; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"m{i}")));
        }

        await sender.SendMessagesAsync(batch);
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        var receivers = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var receiver = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions());
            while (true)
            {
                var messages = await receiver.ReceiveMessagesAsync(50, TimeSpan.FromSeconds(1));
                if (messages.Count == 0)
                {
                    return;
                }

                foreach (var message in messages)
                {
                    seen.Add(message.SequenceNumber);
                    await receiver.CompleteMessageAsync(message);
                }
            }
        });

        await Task.WhenAll(receivers);

        Assert.Equal(200, seen.Count);
        Assert.Equal(200, seen.Distinct().Count());
    }
}
