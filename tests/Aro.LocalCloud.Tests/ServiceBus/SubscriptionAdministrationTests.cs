using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>Subscriptions and their rules changed after creation through ServiceBusAdministrationClient, and the change taking effect.</summary>
public sealed class SubscriptionAdministrationTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_updated_subscription_forwards_to_its_new_queue_with_its_new_settings()
    {
        var topic = await CreateTopicAsync();
        var first = await fixture.CreateQueueAsync();
        var second = await fixture.CreateQueueAsync();
        await fixture.Administration.CreateSubscriptionAsync(new CreateSubscriptionOptions(topic, "s") { ForwardTo = first });
        await using var sender = fixture.Client.CreateSender(topic);
        await sender.SendMessageAsync(new ServiceBusMessage("before"));

        var subscription = (await fixture.Administration.GetSubscriptionAsync(topic, "s")).Value;
        subscription.ForwardTo = second;
        subscription.MaxDeliveryCount = 4;
        subscription.LockDuration = TimeSpan.FromSeconds(45);
        var updated = (await fixture.Administration.UpdateSubscriptionAsync(subscription)).Value;
        await sender.SendMessageAsync(new ServiceBusMessage("after"));

        Assert.EndsWith(second, updated.ForwardTo, StringComparison.Ordinal);
        var reread = (await fixture.Administration.GetSubscriptionAsync(topic, "s")).Value;
        Assert.Equal(4, reread.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromSeconds(45), reread.LockDuration);
        Assert.Equal("before", await ReceiveBodyAsync(first));
        Assert.Equal("after", await ReceiveBodyAsync(second));
    }

    [Fact]
    public async Task An_updated_rule_changes_which_messages_the_subscription_takes()
    {
        var topic = await CreateTopicAsync();
        await fixture.Administration.CreateSubscriptionAsync(new CreateSubscriptionOptions(topic, "s"),
            new CreateRuleOptions("kind", new CorrelationRuleFilter { ApplicationProperties = { ["kind"] = "created" } }));
        await using var sender = fixture.Client.CreateSender(topic);
        await sender.SendMessageAsync(Message("created-1", "created"));

        var rule = (await fixture.Administration.GetRuleAsync(topic, "s", "kind")).Value;
        rule.Filter = new CorrelationRuleFilter { ApplicationProperties = { ["kind"] = "deleted" } };
        await fixture.Administration.UpdateRuleAsync(topic, "s", rule);
        await sender.SendMessageAsync(Message("created-2", "created"));
        await sender.SendMessageAsync(Message("deleted-1", "deleted"));

        var filter = Assert.IsType<CorrelationRuleFilter>((await fixture.Administration.GetRuleAsync(topic, "s", "kind")).Value.Filter);
        Assert.Equal("deleted", filter.ApplicationProperties["kind"]);
        await using var receiver = fixture.Client.CreateReceiver(topic, "s", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        Assert.Equal("created-1", (await receiver.ReceiveMessageAsync(Wait)).Body.ToString());
        Assert.Equal("deleted-1", (await receiver.ReceiveMessageAsync(Wait)).Body.ToString());
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Rules_are_added_listed_and_deleted_and_a_subscription_without_rules_takes_nothing()
    {
        var topic = await CreateTopicAsync();
        await fixture.Administration.CreateSubscriptionAsync(topic, "s");
        await fixture.Administration.CreateRuleAsync(topic, "s", new CreateRuleOptions("extra", new CorrelationRuleFilter { Subject = "x" }));

        var names = new List<string>();
        await foreach (var rule in fixture.Administration.GetRulesAsync(topic, "s"))
        {
            names.Add(rule.Name);
        }

        await fixture.Administration.DeleteRuleAsync(topic, "s", RuleProperties.DefaultRuleName);
        await fixture.Administration.DeleteRuleAsync(topic, "s", "extra");
        await using var sender = fixture.Client.CreateSender(topic);
        await sender.SendMessageAsync(new ServiceBusMessage("nobody") { Subject = "x" });

        Assert.Equal([RuleProperties.DefaultRuleName, "extra"], names);
        Assert.False((await fixture.Administration.RuleExistsAsync(topic, "s", "extra")).Value);
        Assert.Equal(0, (await fixture.Administration.GetSubscriptionRuntimePropertiesAsync(topic, "s")).Value.TotalMessageCount);
        var missing = await Assert.ThrowsAsync<ServiceBusException>(() => fixture.Administration.DeleteRuleAsync(topic, "s", "extra"));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, missing.Reason);
    }

    private async Task<string> CreateTopicAsync()
    {
        var topic = "t-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Administration.CreateTopicAsync(topic);
        return topic;
    }

    private async Task<string> ReceiveBodyAsync(string queue)
    {
        await using var receiver = fixture.Client.CreateReceiver(queue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        Assert.NotNull(message);
        await receiver.CompleteMessageAsync(message);
        return message.Body.ToString();
    }

    private static ServiceBusMessage Message(string body, string kind) => new(body) { ApplicationProperties = { ["kind"] = kind } };
}
