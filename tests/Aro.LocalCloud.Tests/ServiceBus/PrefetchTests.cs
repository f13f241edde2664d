using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>
/// Receivers that prefetch: the SDK grants credit once, right behind its attach, and tops it up as it settles, so
/// the broker pushes messages ahead of the application's receive calls.
/// </summary>
public sealed class PrefetchTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_prefetching_receiver_gets_every_message_once()
    {
        var queue = await fixture.CreateQueueAsync();
        await SendAsync(queue, 50);
        await using var receiver = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { PrefetchCount = 10 });

        var bodies = new List<string>();
        while (bodies.Count < 50 && await receiver.ReceiveMessageAsync(Wait) is { } message)
        {
            bodies.Add(message.Body.ToString());
            await receiver.CompleteMessageAsync(message);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}"), bodies);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Concurrent_prefetching_receivers_never_get_the_same_message()
    {
        var queue = await fixture.CreateQueueAsync();
        await SendAsync(queue, 1000);
        var seen = new ConcurrentBag<long>();
        var receivers = Enumerable.Range(0, 4).Select(async index =>
        {
            // Different prefetch sizes, and one receiver without prefetch, share the queue.
            await using var receiver = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { PrefetchCount = index * 15 });
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

        Assert.Equal(1000, seen.Count);
        Assert.Equal(1000, seen.Distinct().Count());
        Assert.Equal(0, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task A_processor_with_prefetch_and_concurrent_calls_handles_every_message_once()
    {
        var queue = await fixture.CreateQueueAsync();
        await SendAsync(queue, 300);
        var handled = new ConcurrentDictionary<long, int>();
        var errors = new ConcurrentBag<Exception>();
        var inFlight = 0;
        var mostInFlight = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = fixture.Client.CreateProcessor(queue, new ServiceBusProcessorOptions
        {
            PrefetchCount = 20,
            MaxConcurrentCalls = 4,
            AutoCompleteMessages = true,
        });
        processor.ProcessMessageAsync += async args =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            await Task.Delay(5);
            handled.AddOrUpdate(args.Message.SequenceNumber, 1, (_, count) => count + 1);
            Interlocked.Decrement(ref inFlight);
            if (handled.Count == 300)
            {
                done.TrySetResult();
            }
        };
        processor.ProcessErrorAsync += args =>
        {
            errors.Add(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await processor.StopProcessingAsync();

        Assert.Empty(errors);
        Assert.Equal(300, handled.Count);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        Assert.True(mostInFlight > 1, "the processor should have run handlers concurrently");
        Assert.Equal(0, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task Prefetched_messages_stay_locked_to_their_receiver_until_the_lock_expires()
    {
        var queue = await fixture.CreateQueueAsync(o => o.LockDuration = TimeSpan.FromSeconds(2));
        await SendAsync(queue, 5);
        await using var prefetching = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { PrefetchCount = 5 });
        await using var other = fixture.Client.CreateReceiver(queue);

        var first = await prefetching.ReceiveMessageAsync(Wait);
        var whileLocked = await other.ReceiveMessagesAsync(5, TimeSpan.FromMilliseconds(500));

        Assert.NotNull(first);
        Assert.Empty(whileLocked);

        var redelivered = new List<ServiceBusReceivedMessage>();
        while (redelivered.Count < 5 && await other.ReceiveMessageAsync(Wait) is { } message)
        {
            redelivered.Add(message);
            await other.CompleteMessageAsync(message);
        }

        Assert.Equal(5, redelivered.Select(m => m.SequenceNumber).Distinct().Count());
        Assert.All(redelivered, m => Assert.Equal(2, m.DeliveryCount));
        var lost = await Assert.ThrowsAsync<ServiceBusException>(() => prefetching.CompleteMessageAsync(first));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lost.Reason);
    }

    [Fact]
    public async Task A_processor_renews_the_locks_of_prefetched_messages_it_is_handling()
    {
        var queue = await fixture.CreateQueueAsync(o => o.LockDuration = TimeSpan.FromSeconds(2));
        await SendAsync(queue, 2);
        var handled = new ConcurrentDictionary<long, int>();
        var errors = new ConcurrentBag<Exception>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = fixture.Client.CreateProcessor(queue, new ServiceBusProcessorOptions
        {
            PrefetchCount = 2,
            MaxConcurrentCalls = 2,
            MaxAutoLockRenewalDuration = TimeSpan.FromMinutes(1),
        });
        processor.ProcessMessageAsync += async args =>
        {
            // Longer than two lock durations: only renewal keeps the message from going back to the queue.
            await Task.Delay(TimeSpan.FromSeconds(5));
            await args.CompleteMessageAsync(args.Message);
            if (handled.AddOrUpdate(args.Message.SequenceNumber, 1, (_, count) => count + 1) == 1 && handled.Count == 2)
            {
                done.TrySetResult();
            }
        };
        processor.ProcessErrorAsync += args =>
        {
            errors.Add(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await processor.StopProcessingAsync();

        Assert.Empty(errors);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.TotalMessageCount);
    }

    [Fact]
    public async Task A_prefetching_processor_recovers_from_dropped_connections_without_losing_a_message()
    {
        var queue = await fixture.CreateQueueAsync();
        await SendAsync(queue, 200);
        var handled = new ConcurrentDictionary<long, int>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new ServiceBusClient(fixture.Server.ServiceBus.ConnectionString);
        await using var processor = client.CreateProcessor(queue, new ServiceBusProcessorOptions { PrefetchCount = 20, MaxConcurrentCalls = 4 });
        processor.ProcessMessageAsync += async args =>
        {
            await Task.Delay(10);
            handled.AddOrUpdate(args.Message.SequenceNumber, 1, (_, count) => count + 1);
            if (handled.Count >= 50)
            {
                halfway.TrySetResult();
            }

            if (handled.Count == 200)
            {
                done.TrySetResult();
            }
        };
        // Settling on a dropped link fails; the message comes back and is handled again (at least once).
        processor.ProcessErrorAsync += _ => Task.CompletedTask;

        await processor.StartProcessingAsync();
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var dropped = await fixture.HttpPostAsync("_localcloud/servicebus/drop-connections");
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var remaining = await WaitForEmptyAsync(queue, TimeSpan.FromSeconds(30));
        await processor.StopProcessingAsync();

        Assert.True(dropped.IsSuccessStatusCode);
        Assert.Equal(200, handled.Count);
        Assert.Equal(0, remaining);
    }

    private async Task<long> WaitForEmptyAsync(string queue, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var count = (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.TotalMessageCount;
            if (count == 0 || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(100);
        }
    }

    private async Task SendAsync(string queue, int count)
    {
        await using var sender = fixture.Client.CreateSender(queue);
        var messages = new Queue<ServiceBusMessage>(Enumerable.Range(0, count).Select(i => new ServiceBusMessage($"m{i}")));
        while (messages.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync();
            while (messages.Count > 0 && batch.TryAddMessage(messages.Peek()))
            {
                messages.Dequeue();
            }

            await sender.SendMessagesAsync(batch);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
