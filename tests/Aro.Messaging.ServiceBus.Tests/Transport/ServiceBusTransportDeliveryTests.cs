using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>Delivery guarantees of the transport on the local Service Bus: scheduling, redelivery, duplicates, locks, shutdown.</summary>
public sealed class ServiceBusTransportDeliveryTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_scheduled_message_is_delivered_by_the_broker_and_a_cancelled_one_never()
    {
        var queue = LocalServiceBusFixture.UniqueName("step-timeouts");
        var received = new ConcurrentQueue<string>();
        var markerReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<ValidateNetworkCommand>(context =>
            {
                received.Enqueue(context.Message.Subnet);
                if (context.Message.Subnet == "marker")
                {
                    markerReceived.TrySetResult();
                }

                return Task.CompletedTask;
            })));
        using var scope = transport.Services.CreateScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
        var destination = new Uri($"queue:{queue}");

        var cancelled = await scheduler.ScheduleSend(destination, DateTime.UtcNow.AddSeconds(2), new ValidateNetworkCommand(Guid.NewGuid(), "cancelled"));
        await scheduler.CancelScheduledSend(destination, cancelled.TokenId);
        await scheduler.ScheduleSend(destination, DateTime.UtcNow.AddSeconds(3), new ValidateNetworkCommand(Guid.NewGuid(), "marker"));

        Assert.True(received.IsEmpty, "nothing arrives before its time");
        await markerReceived.Task.WaitAsync(Patience);
        Assert.Equal(["marker"], received);
    }

    [Fact]
    public async Task A_consumer_behind_an_in_memory_outbox_gets_a_broker_token_that_cancels_its_scheduled_message()
    {
        // As the saga's definition and the saga do: retry, then the outbox; Schedule inside it, store the token,
        // Unschedule later with that token.
        var queue = LocalServiceBusFixture.UniqueName("cluster-lifecycle");
        var timeouts = LocalServiceBusFixture.UniqueName("step-timeouts");
        var token = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timedOut = new ConcurrentQueue<string>();
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (context, cfg) =>
        {
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.UseMessageRetry(retry => retry.Immediate(1));
                e.UseInMemoryOutbox(context);
                e.Handler<ValidateNetworkCommand>(async context =>
                {
                    var scheduled = await context.ScheduleSend(new Uri($"queue:{timeouts}"), DateTime.UtcNow.AddSeconds(2), new DeleteClusterCommand(context.Message.ClusterId));
                    token.TrySetResult(scheduled.TokenId);
                });
            });
            cfg.ReceiveEndpoint(timeouts, e => e.Handler<DeleteClusterCommand>(context =>
            {
                timedOut.Enqueue(context.Message.ClusterId.ToString());
                return Task.CompletedTask;
            }));
        });
        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(Guid.NewGuid(), "10.0.0.0/23"));
        var tokenId = await token.Task.WaitAsync(Patience);

        Assert.True(Aro.Messaging.ServiceBus.Scheduling.ScheduledMessageToken.TryGetSequenceNumber(tokenId, out _), "the token carries the broker's sequence number");
        Assert.Equal(1, (await bus.Administration.GetQueueRuntimePropertiesAsync(timeouts)).Value.ScheduledMessageCount);
        using var scope = transport.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageScheduler>().CancelScheduledSend(new Uri($"queue:{timeouts}"), tokenId);

        Assert.Equal(0, (await bus.Administration.GetQueueRuntimePropertiesAsync(timeouts)).Value.ScheduledMessageCount);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(timedOut);
    }

    [Fact]
    public async Task Delayed_redelivery_goes_through_the_broker_and_counts_the_redeliveries()
    {
        var queue = LocalServiceBusFixture.UniqueName("provision-storage");
        var redeliveryCounts = new ConcurrentQueue<int>();
        var messageIds = new ConcurrentQueue<Guid?>();
        var succeeded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.UseDelayedRedelivery(r => r.Intervals(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)));
                e.Handler<ValidateNetworkCommand>(context =>
                {
                    var count = context.GetRedeliveryCount();
                    redeliveryCounts.Enqueue(count);
                    messageIds.Enqueue(context.MessageId);
                    if (count < 2)
                    {
                        throw new TimeoutException("the storage account is not ready yet");
                    }

                    succeeded.TrySetResult();
                    return Task.CompletedTask;
                });
            }));

        var messageId = NewId.NextGuid();

        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(Guid.NewGuid(), "10.0.0.0/24"), context => context.MessageId = messageId);

        await succeeded.Task.WaitAsync(Patience);
        Assert.Equal([0, 1, 2], redeliveryCounts);
        // Duplicate detection does not take the redeliveries for duplicates, and MassTransit still sees one message.
        Assert.All(messageIds, id => Assert.Equal(messageId, id));
    }

    [Fact]
    public async Task A_second_message_with_the_same_id_is_dropped_by_the_broker()
    {
        var queue = LocalServiceBusFixture.UniqueName("create-vms");
        var received = new ConcurrentQueue<string>();
        var markerReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.ConcurrentMessageLimit = 1;
                e.Handler<ValidateNetworkCommand>(context =>
                {
                    received.Enqueue(context.Message.Subnet);
                    if (context.Message.Subnet == "marker")
                    {
                        markerReceived.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            }));
        var endpoint = await transport.QueueAsync(queue);
        var messageId = NewId.NextGuid();

        await endpoint.Send(new ValidateNetworkCommand(Guid.NewGuid(), "first"), context => context.MessageId = messageId);
        await endpoint.Send(new ValidateNetworkCommand(Guid.NewGuid(), "duplicate"), context => context.MessageId = messageId);
        await endpoint.Send(new ValidateNetworkCommand(Guid.NewGuid(), "marker"));

        await markerReceived.Task.WaitAsync(Patience);
        Assert.Equal(["first", "marker"], received);
    }

    [Fact]
    public async Task Messages_sent_at_once_share_sends_yet_each_arrives_once_with_its_own_ids_and_headers()
    {
        const int count = 60;
        var queue = LocalServiceBusFixture.UniqueName("create-vms");
        var received = new ConcurrentDictionary<Guid, (string? Header, Guid? CorrelationId, int Deliveries)>();
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sends = new MessagesPerSendListener(queue);
        await using var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<ValidateNetworkCommand>(context =>
            {
                var entry = received.AddOrUpdate(
                    context.MessageId!.Value,
                    _ => (context.Headers.Get<string>("Aro-Operation-Id"), context.CorrelationId, 1),
                    (_, seen) => seen with { Deliveries = seen.Deliveries + 1 });
                if (received.Count == count)
                {
                    allReceived.TrySetResult();
                }

                return Task.CompletedTask;
            })));
        var endpoint = await transport.QueueAsync(queue);
        var messages = Enumerable.Range(0, count).Select(i => (MessageId: NewId.NextGuid(), CorrelationId: NewId.NextGuid(), Operation: $"op-{i}")).ToList();

        await Task.WhenAll(messages.Select(message => endpoint.Send(new ValidateNetworkCommand(Guid.NewGuid(), message.Operation), context =>
        {
            context.MessageId = message.MessageId;
            context.CorrelationId = message.CorrelationId;
            context.Headers.Set("Aro-Operation-Id", message.Operation);
        })));

        await allReceived.Task.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(count, received.Count);
        Assert.All(messages, message => Assert.Equal((message.Operation, message.CorrelationId, 1), received[message.MessageId]));
        Assert.Equal(count, sends.Sends.Sum());
        Assert.True(sends.Sends.Count < count, $"{count} messages sent at once took {sends.Sends.Count} sends: none was batched.");
    }

    [Fact]
    public async Task A_consumer_slower_than_the_lock_keeps_its_message_and_completes_it_once()
    {
        var queue = LocalServiceBusFixture.UniqueName("install-cluster");
        var deliveries = new ConcurrentQueue<int>();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = TransportBus.OptionsFor(bus, o => o.LockDuration = TimeSpan.FromSeconds(5));
        await using var transport = await TransportBus.StartAsync(options, (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<ValidateNetworkCommand>(async context =>
            {
                deliveries.Enqueue(context.ReceiveContext.Redelivered ? 2 : 1);
                // Longer than two lock durations: only the processor's lock renewal keeps the message ours.
                await Task.Delay(TimeSpan.FromSeconds(12));
                finished.TrySetResult();
            })));

        await (await transport.QueueAsync(queue)).Send(new ValidateNetworkCommand(Guid.NewGuid(), "slow"));

        await finished.Task.WaitAsync(Patience);
        await WaitUntilEmptyAsync(queue);
        Assert.Equal([1], deliveries);
    }

    [Fact]
    public async Task Stopping_the_bus_finishes_the_messages_in_flight_and_completes_them()
    {
        var queue = LocalServiceBusFixture.UniqueName("delete-cluster");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        var transport = await TransportBus.StartAsync(TransportBus.OptionsFor(bus), (_, cfg) =>
            cfg.ReceiveEndpoint(queue, e => e.Handler<DeleteClusterCommand>(async _ =>
            {
                started.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(2));
                Interlocked.Increment(ref finished);
            })));
        await (await transport.QueueAsync(queue)).Send(new DeleteClusterCommand(Guid.NewGuid()));
        await started.Task.WaitAsync(Patience);

        await transport.DisposeAsync();

        Assert.Equal(1, finished);
        var runtime = (await bus.Administration.GetQueueRuntimePropertiesAsync(queue)).Value;
        Assert.Equal(0, runtime.ActiveMessageCount);
        Assert.Equal(0, runtime.DeadLetterMessageCount);
    }

    private async Task WaitUntilEmptyAsync(string queue)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while ((await bus.Administration.GetQueueRuntimePropertiesAsync(queue, timeout.Token)).Value.TotalMessageCount > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
