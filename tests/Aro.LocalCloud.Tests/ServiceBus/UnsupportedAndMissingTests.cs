using System.Transactions;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>What the local Service Bus leaves out answers with the SDK's own errors, never with silence.</summary>
public sealed class UnsupportedAndMissingTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    [Fact]
    public async Task A_session_receiver_is_refused_as_not_supported()
    {
        var queue = await fixture.CreateQueueAsync(o => o.RequiresSession = true);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.AcceptNextSessionAsync(queue));

        Assert.IsType<NotSupportedException>(error);
    }

    [Fact]
    public async Task A_transaction_is_refused_as_not_supported_and_sends_nothing()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
            await sender.SendMessageAsync(new ServiceBusMessage("in a transaction"));
            scope.Complete();
        });

        Assert.IsType<NotSupportedException>(error);
        Assert.Equal(0, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.TotalMessageCount);
    }

    [Fact]
    public async Task Rules_over_amqp_are_refused_as_not_supported()
    {
        var topic = "t-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Administration.CreateTopicAsync(topic);
        await fixture.Administration.CreateSubscriptionAsync(topic, "s");
        await using var rules = fixture.Client.CreateRuleManager(topic, "s");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => rules.CreateRuleAsync("r", new CorrelationRuleFilter { Subject = "x" }));

        Assert.IsType<NotSupportedException>(error);
    }

    [Fact]
    public async Task Receiving_from_a_missing_queue_or_subscription_fails_with_entity_not_found()
    {
        await using var fromQueue = fixture.Client.CreateReceiver("no-such-queue");
        await using var fromSubscription = fixture.Client.CreateReceiver("no-such-topic", "no-such-subscription");

        var queueError = await Assert.ThrowsAsync<ServiceBusException>(() => fromQueue.ReceiveMessageAsync(TimeSpan.FromSeconds(5)));
        var subscriptionError = await Assert.ThrowsAsync<ServiceBusException>(() => fromSubscription.PeekMessageAsync());

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, queueError.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, subscriptionError.Reason);
    }
}
