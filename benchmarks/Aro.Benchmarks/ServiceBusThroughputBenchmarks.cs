using Aro.LocalCloud;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using BenchmarkDotNet.Attributes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Aro.Benchmarks;

/// <summary>
/// 10,000 messages of 1 KB sent and received-with-complete: the Azure SDK against the local cloud's Service Bus,
/// next to RabbitMQ.Client against RabbitMQ (the baseline; ARO_TEST_RABBITMQ_HOST etc., as test.sh exports them).
/// Without a broker the baseline is skipped with a message and the ratio column means nothing.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ServiceBusThroughputBenchmarks
{
    private const int Messages = 10_000;
    private const int BatchSize = 100;
    private static readonly byte[] Body = new byte[1024];

    private LocalCloudServer _localCloud = null!;
    private ServiceBusClient _serviceBus = null!;
    private string _queue = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _localCloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        _serviceBus = new ServiceBusClient(_localCloud.ServiceBus.ConnectionString);
    }

    [IterationSetup]
    public void CreateQueue()
    {
        _queue = "bench-" + Guid.NewGuid().ToString("N")[..8];
        new ServiceBusAdministrationClient(_localCloud.ServiceBus.AdministrationConnectionString).CreateQueueAsync(_queue).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _serviceBus.DisposeAsync();
        await _localCloud.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "RabbitMQ.Client against RabbitMQ")]
    public async Task<int> RabbitMqAsync()
    {
        var host = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_HOST");
        if (string.IsNullOrEmpty(host))
        {
            Console.WriteLine("RabbitMQ half skipped: set ARO_TEST_RABBITMQ_HOST (and _PORT, _USERNAME, _PASSWORD) to a broker.");
            return 0;
        }

        var factory = new ConnectionFactory
        {
            HostName = host,
            Port = int.TryParse(Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_PORT"), out var port) ? port : 5672,
            UserName = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_USERNAME") ?? "guest",
            Password = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_PASSWORD") ?? "guest",
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = (await channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: true)).QueueName;
        for (var i = 0; i < Messages; i++)
        {
            await channel.BasicPublishAsync("", queue, mandatory: false, new BasicProperties { Persistent = true }, Body);
        }

        var received = 0;
        var done = new TaskCompletionSource();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == Messages)
            {
                done.TrySetResult();
            }
        };
        await channel.BasicQosAsync(0, 100, false);
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        await done.Task;
        return received;
    }

    [Benchmark(Description = "Azure SDK against the local Service Bus")]
    public async Task<int> LocalServiceBusAsync()
    {
        await using var sender = _serviceBus.CreateSender(_queue);
        for (var sent = 0; sent < Messages; sent += BatchSize)
        {
            using var batch = await sender.CreateMessageBatchAsync();
            for (var i = 0; i < BatchSize; i++)
            {
                batch.TryAddMessage(new ServiceBusMessage(Body));
            }

            await sender.SendMessagesAsync(batch);
        }

        await using var receiver = _serviceBus.CreateReceiver(_queue);
        var received = 0;
        while (received < Messages)
        {
            var messages = await receiver.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(5));
            await Task.WhenAll(messages.Select(m => receiver.CompleteMessageAsync(m)));
            received += messages.Count;
        }

        return received;
    }
}
