using Aro.LocalCloud;
using Aro.Messaging.RabbitMq;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;

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

    private async Task StartRpAsync(Dictionary<string, string?> transport) =>
        _rp = await CreatePipelineHost.StartAsync(_dataDirectory, transport);

    private Task CreateAsync(int count) => CreatePipelineHost.CreateAsync(_rp!, count);
}
