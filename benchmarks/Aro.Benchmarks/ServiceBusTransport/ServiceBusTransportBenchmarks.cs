using System.Text.Json;
using Aro.LocalCloud;
using Aro.Messaging.ServiceBus;
using Aro.Messaging.ServiceBus.Connection;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;
using BenchmarkDotNet.Attributes;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Benchmarks.ServiceBusTransport;

/// <summary>
/// 1,000 messages published and consumed against the local cloud's Service Bus: through our MassTransit transport
/// (publish to the type's topic, forwarded into the endpoint queue, consumed by a handler) next to the bare SDK doing
/// the same (the baseline: ServiceBusSender to a topic made by the same provisioner, ServiceBusProcessor on its queue,
/// completing each message). Both sides send the same bytes (the transport's own envelope, captured once), all at
/// once: the SDK one message per send, the transport one per send too (SendBatchLimit 1) or batching the messages
/// that arrive while a send is in flight (its default); both receive with the processor options the transport uses (peek-lock, prefetch,
/// concurrency, lock renewal), so the ratio is what MassTransit and our transport add. A third case splits that: the
/// bare SDK again, but serializing MassTransit's envelope for each message and reading it (envelope, then message) on
/// receive, as MassTransit's serializer does; what remains between it and the transport is MassTransit's pipelines.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRoundsConfig))]
public class ServiceBusTransportBenchmarks
{
    private const int Messages = 1_000;
    private static readonly string Payload = new('x', 512);

    private readonly ArrivalCounter _transportArrivals = new();
    private readonly ArrivalCounter _sdkArrivals = new();
    private readonly ProcessCpuMeter _cpu = new();
    private readonly SendBatchMeter _sendBatches = new();
    private string _case = "";
    private LocalCloudServer _localCloud = null!;
    private ServiceProvider _busServices = null!;
    private IBusControl _bus = null!;
    private ServiceBusClient _client = null!;
    private ServiceBusSender _sender = null!;
    private ServiceBusProcessor _processor = null!;
    private byte[] _envelope = [];
    private Dictionary<string, object> _properties = [];
    private JsonMessageEnvelope _template = new();
    private volatile bool _readEnvelopes;

    /// <summary>Given to both sides: the transport's default (16), and none (what the transport tests run with).</summary>
    [Params(0, 16)]
    public int PrefetchCount { get; set; }

    /// <summary>The transport's default (ServiceBusTransportOptions), given to both sides.</summary>
    [Params(8)]
    public int ConcurrentMessageLimit { get; set; }

    /// <summary>
    /// The transport only: each message its own send (1, as the SDK half sends), or sends to the same topic while one
    /// is in flight batched (the default, 100). The SDK halves ignore it.
    /// </summary>
    [Params(1, 100)]
    public int SendBatchLimit { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _localCloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        var options = new ServiceBusTransportOptions
        {
            ConnectionString = _localCloud.ServiceBus.ConnectionString,
            AdministrationConnectionString = _localCloud.ServiceBus.AdministrationConnectionString,
            PrefetchCount = PrefetchCount,
            ConcurrentMessageLimit = ConcurrentMessageLimit,
            SendBatchLimit = SendBatchLimit,
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        await StartBusAsync(options, "bench-transport-" + run);
        await StartSdkAsync(options, "bench-sdk-" + run);
    }

    [IterationSetup]
    public void StartRound() => _cpu.StartRound();

    [IterationCleanup]
    public void EndRound() => _cpu.EndRound();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _cpu.Report($"{_case}, prefetch {PrefetchCount}, send batch limit {SendBatchLimit}");
        if (_case == "our transport")
        {
            _sendBatches.Report($"{_case}, prefetch {PrefetchCount}, send batch limit {SendBatchLimit}");
        }
        _sendBatches.Dispose();
        await _bus.StopAsync();
        await _busServices.DisposeAsync();
        await _processor.StopProcessingAsync();
        await _processor.DisposeAsync();
        await _sender.DisposeAsync();
        await _client.DisposeAsync();
        await _localCloud.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "ServiceBusSender + ServiceBusProcessor")]
    public async Task BareSdkAsync()
    {
        _case = "bare SDK";
        _readEnvelopes = false;
        var round = _sdkArrivals.StartRound(Messages);
        await Task.WhenAll(Enumerable.Range(0, Messages).Select(_ => _sender.SendMessageAsync(SdkMessage(_envelope))));
        await round;
    }

    [Benchmark(Description = "The same, serializing and reading MassTransit's envelope")]
    public async Task BareSdkWithEnvelopeAsync()
    {
        _case = "bare SDK with envelope";
        _readEnvelopes = true;
        var round = _sdkArrivals.StartRound(Messages);
        await Task.WhenAll(Enumerable.Range(0, Messages).Select(_ => _sender.SendMessageAsync(SdkMessage(SerializeEnvelope()))));
        await round;
    }

    [Benchmark(Description = "Our MassTransit transport: Publish + consumer")]
    public async Task TransportAsync()
    {
        _case = "our transport";
        var round = _transportArrivals.StartRound(Messages);
        await Task.WhenAll(Enumerable.Range(0, Messages).Select(_ => _bus.Publish(new TransportPing(Guid.NewGuid(), Payload))));
        await round;
    }

    private async Task StartBusAsync(ServiceBusTransportOptions options, string queue)
    {
        var services = new ServiceCollection();
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.UsingAroServiceBus(options, createTopology: true, (_, bus) => bus.ReceiveEndpoint(queue, endpoint => endpoint.Handler<TransportPing>(context =>
            {
                if (_envelope.Length == 0)
                {
                    _envelope = context.ReceiveContext.Body.GetBytes();
                    _properties = context.Headers.GetAll()
                        .Where(header => header.Key is not (MessageHeaders.MessageId or MessageHeaders.CorrelationId or MessageHeaders.ContentType))
                        .ToDictionary(header => header.Key, header => header.Value);
                }

                _transportArrivals.Arrived();
                return Task.CompletedTask;
            })));
        });
        _busServices = services.BuildServiceProvider();
        _bus = _busServices.GetRequiredService<IBusControl>();
        await _bus.StartAsync();

        // One message through first: creates the topic on first publish, and gives the SDK half the envelope to send.
        var first = _transportArrivals.StartRound(1);
        await _bus.Publish(new TransportPing(Guid.NewGuid(), Payload));
        await first.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task StartSdkAsync(ServiceBusTransportOptions options, string queue)
    {
        _client = ServiceBusClients.CreateClient(options);
        var provisioner = new ServiceBusTopologyProvisioner(ServiceBusClients.CreateAdministrationClient(options), _client, options);
        await provisioner.EnsureAsync([new EndpointTopology(queue, [typeof(SdkPing)])], create: true, CancellationToken.None);
        _sender = _client.CreateSender(ServiceBusEntityNames.Topic<SdkPing>());
        _processor = _client.CreateProcessor(queue, ReceiveSettings.ProcessorOptions(options));
        _template = JsonSerializer.Deserialize<JsonMessageEnvelope>(_envelope, SystemTextJsonMessageSerializer.Options)!;
        _processor.ProcessMessageAsync += async args =>
        {
            if (_readEnvelopes)
            {
                ReadEnvelope(args.Message.Body);
            }

            await args.CompleteMessageAsync(args.Message);
            _sdkArrivals.Arrived();
        };
        _processor.ProcessErrorAsync += args =>
        {
            Console.WriteLine($"SDK processor error ({args.ErrorSource}): {args.Exception.Message}");
            return Task.CompletedTask;
        };
        await _processor.StartProcessingAsync();
    }

    /// <summary>MassTransit's envelope of a new message, with the first message's addresses, types and host.</summary>
    private byte[] SerializeEnvelope()
    {
        var id = Guid.NewGuid();
        var envelope = new JsonMessageEnvelope
        {
            MessageId = id.ToString(),
            ConversationId = Guid.NewGuid().ToString(),
            SourceAddress = _template.SourceAddress,
            DestinationAddress = _template.DestinationAddress,
            MessageType = _template.MessageType,
            Message = new TransportPing(id, Payload),
            SentTime = DateTime.UtcNow,
            Headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
            Host = _template.Host,
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, SystemTextJsonMessageSerializer.Options);
    }

    /// <summary>The envelope, then the message inside it, as MassTransit's serializer reads them.</summary>
    private static void ReadEnvelope(BinaryData body)
    {
        var envelope = JsonSerializer.Deserialize<JsonMessageEnvelope>(body.ToMemory().Span, SystemTextJsonMessageSerializer.Options);
        if (envelope?.Message is not JsonElement message || message.Deserialize<TransportPing>(SystemTextJsonMessageSerializer.Options) is null)
        {
            throw new InvalidOperationException("The envelope carried no TransportPing.");
        }
    }

    /// <summary>An envelope and the transport's headers under a new id, as the transport would have sent it.</summary>
    private ServiceBusMessage SdkMessage(byte[] envelope)
    {
        var message = new ServiceBusMessage(envelope)
        {
            MessageId = Guid.NewGuid().ToString("D"),
            ContentType = "application/vnd.masstransit+json",
        };
        foreach (var (name, value) in _properties)
        {
            message.ApplicationProperties[name] = value is string or int or long or bool or Guid or DateTime or DateTimeOffset ? value : value.ToString();
        }

        return message;
    }
}
