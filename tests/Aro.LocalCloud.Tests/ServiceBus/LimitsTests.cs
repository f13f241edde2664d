using System.Net.Sockets;
using Azure.Messaging.ServiceBus;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>The Standard tier's 256 KB message limit, and frames larger than a connection allows.</summary>
public sealed class LimitsTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    private const int Limit = 256 * 1024;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_batch_is_capped_at_the_limit_the_link_announces()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);

        using var batch = await sender.CreateMessageBatchAsync();

        Assert.Equal(Limit, batch.MaxSizeInBytes);
        Assert.True(batch.TryAddMessage(new ServiceBusMessage(new byte[100 * 1024])));
        Assert.False(batch.TryAddMessage(new ServiceBusMessage(new byte[200 * 1024])));
    }

    [Fact]
    public async Task A_scheduled_message_over_the_limit_fails_with_message_size_exceeded()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() =>
            sender.ScheduleMessageAsync(new ServiceBusMessage(new byte[300 * 1024]), DateTimeOffset.UtcNow.AddMinutes(1)));

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
        Assert.Equal(0, (await fixture.Administration.GetQueueRuntimePropertiesAsync(queue)).Value.TotalMessageCount);
    }

    [Fact]
    public async Task An_oversize_frame_closes_only_its_own_connection()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("held"));
        await using var receiver = fixture.Client.CreateReceiver(queue);
        var held = await receiver.ReceiveMessageAsync(Wait);

        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", fixture.Server.ServiceBus.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync("AMQP\x00\x01\x00\x00"u8.ToArray());
        var header = new byte[8];
        await stream.ReadExactlyAsync(header);
        // A frame of 1 MB where a connection that has not opened yet allows 512 bytes: the broker must refuse it,
        // not read it.
        await stream.WriteAsync(new byte[] { 0x00, 0x10, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00 });
        var closed = await ReadUntilClosedAsync(stream);

        Assert.Equal("AMQP\x00\x01\x00\x00"u8.ToArray(), header);
        Assert.True(closed, "the broker should close a connection that sends an oversize frame");
        await receiver.CompleteMessageAsync(held);
        await sender.SendMessageAsync(new ServiceBusMessage("after"));
        Assert.Equal("after", (await receiver.ReceiveMessageAsync(Wait)).Body.ToString());
    }

    private static async Task<bool> ReadUntilClosedAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
