using Aro.Messaging.ServiceBus.Connection;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.Messaging.ServiceBus.Tests.Connection;

public sealed class ReceiveSettingsTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    [Fact]
    public void The_processor_takes_prefetch_concurrency_and_renewal_from_the_settings_and_leaves_settlement_to_the_transport()
    {
        var options = ReceiveSettings.ProcessorOptions(new ServiceBusTransportOptions
        {
            PrefetchCount = 3,
            ConcurrentMessageLimit = 2,
            MaxAutoLockRenewalDuration = TimeSpan.FromMinutes(7),
        });

        Assert.Equal(ServiceBusReceiveMode.PeekLock, options.ReceiveMode);
        Assert.False(options.AutoCompleteMessages);
        Assert.Equal(3, options.PrefetchCount);
        Assert.Equal(2, options.MaxConcurrentCalls);
        Assert.Equal(TimeSpan.FromMinutes(7), options.MaxAutoLockRenewalDuration);
    }

    /// <summary>Against the local cloud's Service Bus: needs its lock renewal ($management renew-lock).</summary>
    [Fact]
    public async Task A_consumer_slower_than_the_lock_keeps_its_message_and_gets_it_once()
    {
        var queue = LocalServiceBusFixture.UniqueName("provision-virtual-machines");
        await bus.Administration.CreateQueueAsync(new CreateQueueOptions(queue) { LockDuration = TimeSpan.FromSeconds(5) });
        await using (var sender = bus.Client.CreateSender(queue))
        {
            await sender.SendMessageAsync(new ServiceBusMessage("slow step"));
        }

        var deliveries = new List<int>();
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = bus.Client.CreateProcessor(queue, ReceiveSettings.ProcessorOptions(new ServiceBusTransportOptions { ConcurrentMessageLimit = 1 }));
        processor.ProcessMessageAsync += async args =>
        {
            lock (deliveries)
            {
                deliveries.Add(args.Message.DeliveryCount);
            }
            // Longer than two lock durations: only renewal keeps the message ours.
            await Task.Delay(TimeSpan.FromSeconds(12), args.CancellationToken);
            await args.CompleteMessageAsync(args.Message, args.CancellationToken);
            settled.TrySetResult();
        };
        processor.ProcessErrorAsync += args =>
        {
            settled.TrySetException(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await settled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await processor.StopProcessingAsync();

        Assert.Equal([1], deliveries);
        var runtime = (await bus.Administration.GetQueueRuntimePropertiesAsync(queue)).Value;
        Assert.Equal(0, runtime.TotalMessageCount);
    }
}
