using Aro.Messaging.ServiceBus.Tests.Transport;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.Messaging.ServiceBus.Tests.Topology;

/// <summary>Against the local cloud's Service Bus: administration API and topic → subscription forwarding.</summary>
public sealed class ServiceBusTopologyProvisionerTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    [Fact]
    public async Task Created_topology_forwards_a_published_message_into_the_endpoint_queue()
    {
        var endpoint = new EndpointTopology(LocalServiceBusFixture.UniqueName("validate-network"), [typeof(ClusterCreateRequested)]);
        var provisioner = new ServiceBusTopologyProvisioner(bus.Administration, bus.Client, bus.Options);

        await provisioner.EnsureAsync([endpoint], create: true, CancellationToken.None);
        // Twice: a second process starting finds everything in place.
        await provisioner.EnsureAsync([endpoint], create: true, CancellationToken.None);

        var queue = (await bus.Administration.GetQueueAsync(endpoint.Queue)).Value;
        Assert.True(queue.RequiresDuplicateDetection);
        Assert.Equal(bus.Options.MaxDeliveryCount, queue.MaxDeliveryCount);
        var subscription = (await bus.Administration.GetSubscriptionAsync(ServiceBusEntityNames.Topic<ClusterCreateRequested>(), endpoint.Subscription)).Value;
        Assert.EndsWith(endpoint.Queue, subscription.ForwardTo, StringComparison.OrdinalIgnoreCase);

        await using var sender = bus.Client.CreateSender(ServiceBusEntityNames.Topic<ClusterCreateRequested>());
        await sender.SendMessageAsync(new ServiceBusMessage("published") { MessageId = Guid.NewGuid().ToString() });
        await using var receiver = bus.Client.CreateReceiver(endpoint.Queue);
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(received);
        Assert.Equal("published", received.Body.ToString());
    }

    [Fact]
    public async Task Without_creation_a_missing_queue_fails_with_one_line_naming_it()
    {
        var endpoint = new EndpointTopology(LocalServiceBusFixture.UniqueName("issue-credentials"), []);
        var provisioner = new ServiceBusTopologyProvisioner(bus.Administration, bus.Client, bus.Options);

        var exception = await Assert.ThrowsAsync<MissingEntityException>(() => provisioner.EnsureAsync([endpoint], create: false, CancellationToken.None));

        Assert.Equal(endpoint.Queue, exception.Entity);
        Assert.Contains(endpoint.Queue, exception.Message);
        Assert.Contains(ServiceBusEnvironmentVariables.CreateTopology, exception.Message);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.False((await bus.Administration.QueueExistsAsync(endpoint.Queue)).Value);
    }

    [Fact]
    public async Task Without_creation_a_missing_topic_then_a_missing_subscription_are_named_and_nothing_is_created()
    {
        var endpoint = new EndpointTopology(LocalServiceBusFixture.UniqueName("validate-network"), [typeof(ValidateNetworkCommand)]);
        var topic = ServiceBusEntityNames.Topic<ValidateNetworkCommand>();
        var provisioner = new ServiceBusTopologyProvisioner(bus.Administration, bus.Client, bus.Options);
        await bus.Administration.CreateQueueAsync(endpoint.Queue);

        var missingTopic = await Assert.ThrowsAsync<MissingEntityException>(() => provisioner.EnsureAsync([endpoint], create: false, CancellationToken.None));
        await bus.Administration.CreateTopicAsync(topic);
        var missingSubscription = await Assert.ThrowsAsync<MissingEntityException>(() => provisioner.EnsureAsync([endpoint], create: false, CancellationToken.None));

        Assert.Equal(topic, missingTopic.Entity);
        Assert.Equal($"{topic}/Subscriptions/{endpoint.Subscription}", missingSubscription.Entity);
        Assert.False((await bus.Administration.SubscriptionExistsAsync(topic, endpoint.Subscription)).Value);
        // Once infra declared it, the data-plane check passes.
        await bus.Administration.CreateSubscriptionAsync(new CreateSubscriptionOptions(topic, endpoint.Subscription) { ForwardTo = endpoint.Queue });
        await provisioner.EnsureAsync([endpoint], create: false, CancellationToken.None);
    }

    [Fact]
    public async Task Duplicate_message_ids_are_dropped_by_the_created_queue()
    {
        var endpoint = new EndpointTopology(LocalServiceBusFixture.UniqueName("scale-workers"), []);
        await new ServiceBusTopologyProvisioner(bus.Administration, bus.Client, bus.Options).EnsureAsync([endpoint], create: true, CancellationToken.None);
        await using var sender = bus.Client.CreateSender(endpoint.Queue);
        var messageId = Guid.NewGuid().ToString();

        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = messageId });
        await sender.SendMessageAsync(new ServiceBusMessage("second") { MessageId = messageId });

        await using var receiver = bus.Client.CreateReceiver(endpoint.Queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var first = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
        var second = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("first", first?.Body.ToString());
        Assert.Null(second);
    }
}
