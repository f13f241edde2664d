using Aro.Messaging.ServiceBus.Transport;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

public sealed class ServiceBusSendBatcherTests
{
    [Fact]
    public async Task A_message_that_finds_the_entity_idle_goes_at_once_alone()
    {
        var sender = new RecordingSender();
        var batcher = new ServiceBusSendBatcher(sender, batchLimit: 100);

        var sent = batcher.SendAsync(Message("a"), CancellationToken.None);

        var send = await sender.NextSendAsync();
        Assert.False(send.IsBatch);
        Assert.Equal(["a"], send.Ids);
        Assert.False(sent.IsCompleted);
        send.Release();
        await sent;
    }

    [Fact]
    public async Task Messages_arriving_while_a_send_is_in_flight_go_together_next_in_order_and_each_caller_waits_for_its_own()
    {
        var (sender, batcher, first, inFlight) = await OneSendInFlightAsync();

        var waiting = new[] { "b", "c", "d" }.Select(id => batcher.SendAsync(Message(id), CancellationToken.None)).ToList();
        Assert.False(sender.HasSendWaiting);
        inFlight.Release();
        await first;

        var batch = await sender.NextSendAsync();
        Assert.True(batch.IsBatch);
        Assert.Equal(["b", "c", "d"], batch.Ids);
        Assert.All(waiting, task => Assert.False(task.IsCompleted));
        batch.Release();
        await Task.WhenAll(waiting);
    }

    [Fact]
    public async Task A_send_carries_no_more_than_the_batch_limit_and_the_rest_go_in_the_next()
    {
        var (sender, batcher, first, inFlight) = await OneSendInFlightAsync(batchLimit: 3);
        var waiting = "bcdefgh".Select(id => batcher.SendAsync(Message(id.ToString()), CancellationToken.None)).ToList();

        inFlight.Release();
        var sends = new List<RecordedSend>();
        for (var i = 0; i < 3; i++)
        {
            var send = await sender.NextSendAsync();
            sends.Add(send);
            send.Release();
        }

        await Task.WhenAll(waiting.Append(first));
        Assert.Equal([["b", "c", "d"], ["e", "f", "g"], ["h"]], sends.Select(send => send.Ids.ToArray()));
    }

    [Fact]
    public async Task Messages_the_brokers_size_limit_keeps_out_of_a_batch_go_in_the_next_send()
    {
        var (sender, batcher, first, inFlight) = await OneSendInFlightAsync(batchCapacity: 2);
        var waiting = "bcd".Select(id => batcher.SendAsync(Message(id.ToString()), CancellationToken.None)).ToList();

        inFlight.Release();
        var full = await sender.NextSendAsync();
        full.Release();
        var rest = await sender.NextSendAsync();
        rest.Release();

        await Task.WhenAll(waiting.Append(first));
        Assert.Equal(["b", "c"], full.Ids);
        Assert.Equal(["d"], rest.Ids);
    }

    [Fact]
    public async Task A_message_too_large_to_send_fails_alone_and_the_others_are_sent()
    {
        var (sender, batcher, first, inFlight) = await OneSendInFlightAsync();
        var tooLarge = batcher.SendAsync(Message("big", subject: "too-large"), CancellationToken.None);
        var others = new[] { "b", "c" }.Select(id => batcher.SendAsync(Message(id), CancellationToken.None)).ToList();

        inFlight.Release();
        var batch = await sender.NextSendAsync();
        batch.Release();

        var failure = await Assert.ThrowsAsync<ServiceBusException>(() => tooLarge);
        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, failure.Reason);
        await Task.WhenAll(others.Append(first));
        Assert.Equal(["b", "c"], batch.Ids);
    }

    [Fact]
    public async Task A_refused_batch_fails_every_sender_in_it_and_later_messages_still_go()
    {
        var (sender, batcher, first, inFlight) = await OneSendInFlightAsync();
        var refused = new[] { "b", "c" }.Select(id => batcher.SendAsync(Message(id), CancellationToken.None)).ToList();
        inFlight.Release();
        var batch = await sender.NextSendAsync();
        var later = batcher.SendAsync(Message("d"), CancellationToken.None);

        batch.Refuse(new ServiceBusException("The broker is busy.", ServiceBusFailureReason.ServiceBusy));

        foreach (var task in refused)
        {
            var failure = await Assert.ThrowsAsync<ServiceBusException>(() => task);
            Assert.Equal(ServiceBusFailureReason.ServiceBusy, failure.Reason);
        }

        var next = await sender.NextSendAsync();
        next.Release();
        await Task.WhenAll(first, later);
        Assert.Equal(["d"], next.Ids);
    }

    [Fact]
    public async Task A_caller_cancelled_while_its_message_waits_withdraws_it()
    {
        var (sender, batcher, first, inFlight) = await OneSendInFlightAsync();
        using var cancellation = new CancellationTokenSource();
        var withdrawn = batcher.SendAsync(Message("b"), cancellation.Token);
        var kept = batcher.SendAsync(Message("c"), CancellationToken.None);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        inFlight.Release();
        var next = await sender.NextSendAsync();
        next.Release();

        await Task.WhenAll(first, kept);
        Assert.Equal(["c"], next.Ids);
    }

    [Fact]
    public async Task With_a_batch_limit_of_one_every_message_is_its_own_send_even_at_once()
    {
        var sender = new RecordingSender();
        var batcher = new ServiceBusSendBatcher(sender, batchLimit: 1);

        var tasks = new[] { "a", "b", "c" }.Select(id => batcher.SendAsync(Message(id), CancellationToken.None)).ToList();
        var sends = new List<RecordedSend>();
        for (var i = 0; i < 3; i++)
        {
            sends.Add(await sender.NextSendAsync());
        }

        sends.ForEach(send => send.Release());
        await Task.WhenAll(tasks);
        Assert.All(sends, send => Assert.False(send.IsBatch));
        Assert.Equal(["a", "b", "c"], sends.SelectMany(send => send.Ids));
    }

    /// <summary>A batcher whose first message ("a") is in flight, held by the fake sender until the test releases it.</summary>
    private static async Task<(RecordingSender Sender, ServiceBusSendBatcher Batcher, Task First, RecordedSend InFlight)> OneSendInFlightAsync(
        int batchLimit = 100, int batchCapacity = int.MaxValue)
    {
        var sender = new RecordingSender(batchCapacity);
        var batcher = new ServiceBusSendBatcher(sender, batchLimit);
        var first = batcher.SendAsync(Message("a"), CancellationToken.None);
        return (sender, batcher, first, await sender.NextSendAsync());
    }

    private static ServiceBusMessage Message(string id, string? subject = null) => new(BinaryData.FromString(id)) { MessageId = id, Subject = subject };
}
