using Aro.Messaging.ServiceBus.DeadLetters;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;
using MassTransit;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>The transport end to end on the local cloud's Service Bus: a real bus, real queues, topics and subscriptions.</summary>
public sealed class ServiceBusTransportTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sent_message_arrives_with_its_ids_and_headers()
    {
        var queue = LocalServiceBusFixture.UniqueName("validate-network");
        var received = new TaskCompletionSource<ConsumeContext<ValidateNetworkCommand>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<ValidateNetworkCommand>(context =>
            {
                received.TrySetResult(context);
                return Task.CompletedTask;
            })));
        var messageId = NewId.NextGuid();
        var correlationId = NewId.NextGuid();
        var clusterId = Guid.NewGuid();

        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(clusterId, "10.0.0.0/24"), context =>
        {
            context.MessageId = messageId;
            context.CorrelationId = correlationId;
            context.Headers.Set("Aro-Operation-Id", "op-42");
        });

        var consumed = await received.Task.WaitAsync(Patience);
        Assert.Equal(clusterId, consumed.Message.ClusterId);
        Assert.Equal(messageId, consumed.MessageId);
        Assert.Equal(correlationId, consumed.CorrelationId);
        Assert.Equal("op-42", consumed.Headers.Get<string>("Aro-Operation-Id"));
    }

    [Fact]
    public async Task Ids_content_type_and_headers_are_native_properties_on_the_broker()
    {
        var queue = LocalServiceBusFixture.UniqueName("configure-dns");
        var options = TransportBus.OptionsFor(bus);
        // Nobody receives from the queue: the message stays there to be looked at.
        await new ServiceBusTopologyProvisioner(bus.Administration, bus.Client, options).EnsureAsync([new EndpointTopology(queue, [])], create: true, CancellationToken.None);
        await using var transport = await TransportBus.StartAsync(options, (_, _) => { });
        var messageId = NewId.NextGuid();
        var correlationId = NewId.NextGuid();

        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(Guid.NewGuid(), "10.0.0.0/24"), context =>
        {
            context.MessageId = messageId;
            context.CorrelationId = correlationId;
            context.Headers.Set("Aro-Operation-Id", "op-7");
        });

        await using var receiver = bus.Client.CreateReceiver(queue);
        var message = await receiver.PeekMessageAsync();
        Assert.NotNull(message);
        Assert.Equal(messageId.ToString(), message.MessageId);
        Assert.Equal(correlationId.ToString(), message.CorrelationId);
        Assert.Equal("application/vnd.masstransit+json", message.ContentType);
        Assert.Equal("op-7", message.ApplicationProperties["Aro-Operation-Id"]);
        Assert.Contains(nameof(ValidateNetworkCommand), message.Subject);
    }

    [Fact]
    public async Task A_published_event_reaches_every_subscribed_endpoint_through_its_forwarding_subscription()
    {
        var first = LocalServiceBusFixture.UniqueName("cluster-monitor");
        var second = LocalServiceBusFixture.UniqueName("cluster-billing");
        var firstReceived = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondReceived = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
        {
            cfg.ReceiveEndpoint(first, e => e.Handler<ClusterCreatedForTwoEndpoints>(context => Complete(firstReceived, context.Message.ClusterId)));
            cfg.ReceiveEndpoint(second, e => e.Handler<ClusterCreatedForTwoEndpoints>(context => Complete(secondReceived, context.Message.ClusterId)));
        });
        var clusterId = Guid.NewGuid();

        await transport.Control.Publish(new ClusterCreatedForTwoEndpoints(clusterId));

        Assert.Equal(clusterId, await firstReceived.Task.WaitAsync(Patience));
        Assert.Equal(clusterId, await secondReceived.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_faulted_message_lands_in_the_native_dead_letter_queue_with_the_exception()
    {
        var queue = LocalServiceBusFixture.UniqueName("issue-credentials");
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<ValidateNetworkCommand>(_ => throw new InvalidOperationException("subnet overlaps"))));
        var messageId = NewId.NextGuid();

        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(Guid.NewGuid(), "10.0.0.0/8"), context => context.MessageId = messageId);

        var deadLetter = await DeadLetterAsync(queue);
        Assert.Equal(messageId.ToString(), deadLetter.MessageId);
        Assert.Equal("System.InvalidOperationException", deadLetter.DeadLetterReason);
        Assert.StartsWith("subnet overlaps", deadLetter.DeadLetterErrorDescription);
        Assert.Equal("subnet overlaps", deadLetter.ApplicationProperties["MT-Fault-Message"]);
        var listed = Assert.Single(await new ServiceBusDeadLetterQueues(bus.Client).ListAsync(queue, null, CancellationToken.None));
        Assert.Equal("System.InvalidOperationException: subnet overlaps", listed.FaultReason);
    }

    [Fact]
    public async Task A_message_no_consumer_takes_is_dead_lettered_as_skipped()
    {
        var queue = LocalServiceBusFixture.UniqueName("scale-workers");
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<DeleteClusterCommand>(_ => Task.CompletedTask)));

        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(Guid.NewGuid(), "10.0.0.0/24"));

        var deadLetter = await DeadLetterAsync(queue);
        Assert.Equal("skipped", deadLetter.DeadLetterReason);
    }

    private static Task Complete<T>(TaskCompletionSource<T> source, T value)
    {
        source.TrySetResult(value);
        return Task.CompletedTask;
    }

    private async Task<ServiceBusReceivedMessage> DeadLetterAsync(string queue)
    {
        await using var receiver = bus.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var message = await receiver.ReceiveMessageAsync(Patience);
        Assert.NotNull(message);
        return message;
    }
}
