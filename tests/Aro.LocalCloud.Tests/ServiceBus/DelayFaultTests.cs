using System.Net.Http.Json;
using Azure.Messaging.ServiceBus;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>
/// Latency injected into Service Bus operations through PUT /_localcloud/latency: a slow broker, as a client sees one.
/// A server of its own, so the delays never slow other tests down.
/// </summary>
public sealed class DelayFaultTests(ServiceBusFixture fixture) : IClassFixture<ServiceBusFixture>
{
    [Fact]
    public async Task A_delayed_receive_holds_the_message_back_until_the_delay_has_passed()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("slow"));
        await SetLatencyAsync("ServiceBus/receive", TimeSpan.FromSeconds(2));
        await using var receiver = fixture.Client.CreateReceiver(queue);

        try
        {
            var tooSoon = await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300));
            var inTime = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));

            Assert.Null(tooSoon);
            Assert.Equal("slow", inTime.Body.ToString());
            // The credit of the receive that gave up still arrived late; the message it fetched was handed back uncounted.
            Assert.Equal(1, inTime.DeliveryCount);
        }
        finally
        {
            await SetLatencyAsync("ServiceBus/receive", TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_send_delayed_past_the_clients_try_timeout_times_out_yet_the_broker_still_takes_it()
    {
        var queue = await fixture.CreateQueueAsync();
        await using var impatient = new ServiceBusClient(fixture.Server.ServiceBus.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(1) },
        });
        await using var sender = impatient.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("warm-up"));
        await SetLatencyAsync("ServiceBus/send", TimeSpan.FromSeconds(3));

        ServiceBusException timedOut;
        try
        {
            timedOut = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("late")));
        }
        finally
        {
            await SetLatencyAsync("ServiceBus/send", TimeSpan.Zero);
        }

        Assert.Equal(ServiceBusFailureReason.ServiceTimeout, timedOut.Reason);
        // As on Azure, a send that timed out may still have been accepted: at-least-once, so consumers deduplicate.
        await using var receiver = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var bodies = new List<string>();
        while (bodies.Count < 2 && await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10)) is { } message)
        {
            bodies.Add(message.Body.ToString());
        }

        Assert.Equal(["warm-up", "late"], bodies);
    }

    private async Task SetLatencyAsync(string operationType, TimeSpan delay)
    {
        using var http = new HttpClient(fixture.Server.CreateHttpMessageHandler()) { BaseAddress = fixture.Server.BaseAddress };
        using var response = await http.PutAsJsonAsync("_localcloud/latency", new { operationType, milliseconds = (int)delay.TotalMilliseconds });
        response.EnsureSuccessStatusCode();
    }
}
