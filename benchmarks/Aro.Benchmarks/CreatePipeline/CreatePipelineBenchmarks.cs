using Aro.Contracts;
using Aro.LocalCloud;
using Aro.Messaging;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.Scheduling;
using Aro.Orchestration;
using Aro.Persistence;
using Aro.Persistence.Sagas;
using BenchmarkDotNet.Attributes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.Benchmarks.CreatePipeline;

/// <summary>
/// The RP's create pipeline as messages: 10 creates at once, each ClusterCreateRequested published, the lifecycle saga
/// (persisted in SQLite, as the RP does) walking every step, each step's command answered at once by
/// <see cref="InstantStepConsumer"/>, until each ClusterProvisioningSucceeded is consumed. On RabbitMQ (the baseline)
/// the step timeouts go through the store-backed scheduler, on Service Bus (the local cloud's) they are scheduled on
/// the broker, exactly as the RP's bus is built by AddAroMessaging. RabbitMQ comes from ARO_TEST_RABBITMQ_HOST (and
/// _PORT, _USERNAME, _PASSWORD, as .ci/rabbitmq.sh exports them), a node of its own: the RP's queues are declared in
/// its default virtual host. Without it the baseline prints a line and returns.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRoundsConfig))]
public class CreatePipelineBenchmarks
{
    private const int Creates = 10;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "aro-bench-pipeline-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ProcessCpuMeter _cpu = new();
    private string _case = "";
    private LocalCloudServer? _localCloud;
    private IHost? _rp;

    [GlobalSetup(Target = nameof(RabbitMqAsync))]
    public async Task SetupRabbitMqAsync()
    {
        var host = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_HOST");
        if (string.IsNullOrEmpty(host))
        {
            Console.WriteLine("RabbitMQ half skipped: set ARO_TEST_RABBITMQ_HOST (and _PORT, _USERNAME, _PASSWORD) to a broker, as .ci/rabbitmq.sh does; its ratio column means nothing.");
            return;
        }

        await StartRpAsync(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = RabbitMqTransport.TransportName,
            ["Messaging:RabbitMq:Host"] = host,
            ["Messaging:RabbitMq:Port"] = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_PORT"),
            ["Messaging:RabbitMq:Username"] = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_USERNAME") ?? "guest",
            ["Messaging:RabbitMq:Password"] = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_PASSWORD") ?? "guest",
        });
    }

    [GlobalSetup(Target = nameof(ServiceBusAsync))]
    public async Task SetupServiceBusAsync()
    {
        _localCloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        await StartRpAsync(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = Aro.Messaging.ServiceBus.ServiceBusTransport.TransportName,
            ["Messaging:ServiceBus:ConnectionString"] = _localCloud.ServiceBus.ConnectionString,
            ["Messaging:ServiceBus:AdministrationConnectionString"] = _localCloud.ServiceBus.AdministrationConnectionString,
            ["Messaging:ServiceBus:CreateTopology"] = "true",
        });
    }

    [IterationSetup]
    public void StartRound() => _cpu.StartRound();

    [IterationCleanup]
    public void EndRound() => _cpu.EndRound();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _cpu.Report(_case);
        if (_rp is not null)
        {
            await _rp.StopAsync();
            _rp.Dispose();
        }

        if (_localCloud is not null)
        {
            await _localCloud.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "10 creates on RabbitMQ")]
    public async Task RabbitMqAsync()
    {
        _case = "creates on RabbitMQ";
        // Without a broker (said once, in the setup) the round is empty.
        if (_rp is not null)
        {
            await CreateAsync(Creates);
        }
    }

    [Benchmark(Description = "10 creates on the local Service Bus")]
    public Task ServiceBusAsync()
    {
        _case = "creates on the local Service Bus";
        return CreateAsync(Creates);
    }

    private async Task StartRpAsync(Dictionary<string, string?> transport)
    {
        Directory.CreateDirectory(_dataDirectory);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(transport)
        {
            ["Persistence:DataDirectory"] = _dataDirectory,
        });
        // The fork's two outcomes race for the saga (a retried optimistic-concurrency conflict, logged as a warning
        // on every create); only errors are news here.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddAroPersistence(builder.Configuration);
        builder.Services.AddSingleton<CreateCompletions>();
        builder.Services.AddAroMessaging(builder.Configuration, [new RabbitMqTransport(), new Aro.Messaging.ServiceBus.ServiceBusTransport()], (bus, selected) =>
        {
            bus.AddAroOrchestration(saga => saga.AroRepository());
            if (selected.SchedulesThroughStore)
            {
                bus.AddStoredMessageScheduler();
            }

            bus.AddConsumer<InstantStepConsumer>();
            bus.AddConsumer<CreateSucceededConsumer>();
        });
        _rp = builder.Build();
        await _rp.StartAsync();

        // The bus connects in the background (the RP does not wait for its broker), and a create published before the
        // saga's queue is bound would be dropped by RabbitMQ: wait until every endpoint is ready, then one create makes
        // sure of the topics the pipeline publishes to.
        var health = await _rp.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromMinutes(2));
        if (health != BusHealthStatus.Healthy)
        {
            throw new InvalidOperationException($"The bus is {health} after two minutes.");
        }

        await CreateAsync(1).WaitAsync(TimeSpan.FromMinutes(2));
    }

    private async Task CreateAsync(int count)
    {
        var bus = _rp!.Services.GetRequiredService<IBus>();
        var completions = _rp.Services.GetRequiredService<CreateCompletions>();
        var subscription = $"/subscriptions/{Guid.NewGuid()}/resourceGroups/bench/providers/Microsoft.RedHatOpenShift/openShiftClusters/";
        var creates = Enumerable.Range(0, count).Select(async i =>
        {
            var clusterId = Guid.NewGuid();
            var done = completions.Expect(clusterId);
            await bus.Publish(new ClusterCreateRequested(clusterId, subscription + $"cluster-{i}", $"op-{clusterId:N}", DateTimeOffset.UtcNow));
            await done;
        });
        await Task.WhenAll(creates);
    }
}
