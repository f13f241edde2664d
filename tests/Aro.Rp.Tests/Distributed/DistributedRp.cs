using System.Net;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// The RP as separate processes, as docker-compose runs it: a local cloud, a frontend and backends over a real
/// broker (RabbitMQ, a virtual host of its own per instance, or the Service Bus the local cloud serves) and a shared
/// store, so a test can kill one of them.
/// </summary>
internal sealed class DistributedRp : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aro-distributed-").FullName;
    private readonly List<RpProcess> _processes = [];
    private readonly DistributedBroker _broker;
    private readonly Dictionary<string, string> _rpEnvironment;
    private RpProcess? _localCloud;
    private int _backends;
    private int _tools;

    private DistributedRp(DistributedBroker broker, TimeSpan virtualMachineLatency, IReadOnlyDictionary<string, string>? settings)
    {
        _broker = broker;
        LocalCloudPort = FreePort.Next();
        FrontendPort = FreePort.Next();
        var store = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        _rpEnvironment = new Dictionary<string, string>
        {
            ["RP_MODE"] = "development",
            ["LOCATION"] = "eastus",
            ["ARO_LOG_LEVEL"] = "Information",
            ["ARO_CLOUD_ENDPOINT"] = $"https://localhost:{LocalCloudPort}/",
            ["Persistence__DataDirectory"] = store,
            ["Cloud__KubernetesPollInterval"] = "00:00:00.200",
            ["ARO_RECONCILE_INTERVAL"] = "00:00:02",
            ["ARO_RECONCILE_STALE_AFTER"] = "00:00:30",
        };
        foreach (var (key, value) in broker.RpEnvironment.Concat(SharedStore.Environment(Path.GetFileName(_root))).Concat(settings ?? new Dictionary<string, string>()))
        {
            _rpEnvironment[key] = value;
        }

        LocalCloud = new HttpClient(AnyCertificate()) { BaseAddress = new Uri($"https://localhost:{LocalCloudPort}/") };
        Rp = new HttpClient(AnyCertificate()) { BaseAddress = new Uri($"https://localhost:{FrontendPort}/") };
        VirtualMachineLatency = virtualMachineLatency;
    }

    public int LocalCloudPort { get; }

    public int FrontendPort { get; }

    public TimeSpan VirtualMachineLatency { get; }

    public HttpClient Rp { get; }

    public HttpClient LocalCloud { get; }

    public List<RpProcess> Backends { get; } = [];

    public RpProcess Frontend { get; private set; } = null!;

    public RpTransport Transport => _broker.Transport;

    /// <summary>Starts the local cloud, the frontend and the backends; <paramref name="settings"/> are environment variables every RP process gets.</summary>
    public static async Task<DistributedRp> StartAsync(
        RpTransport transport = RpTransport.RabbitMq,
        int backends = 2,
        TimeSpan? virtualMachineLatency = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var broker = await DistributedBroker.CreateAsync(transport);
        var rp = new DistributedRp(broker, virtualMachineLatency ?? TimeSpan.Zero, settings);
        try
        {
            await rp.StartLocalCloudAsync();
            await rp.StartFrontendAsync();
            for (var i = 0; i < backends; i++)
            {
                await rp.StartBackendAsync();
            }
        }
        catch
        {
            await rp.DisposeAsync();
            throw;
        }

        return rp;
    }

    public async Task<RpProcess> StartBackendAsync()
    {
        var port = FreePort.Next();
        var name = $"backend-{++_backends}";
        var backend = Start(name, "backend", new Dictionary<string, string>(_rpEnvironment) { ["ARO_LISTEN_URL"] = $"https://localhost:{port}" });
        Backends.Add(backend);
        await WaitUntilHealthyAsync(backend, new Uri($"https://localhost:{port}/healthz/ready"));
        return backend;
    }

    /// <summary>
    /// SIGKILL to the local cloud, then the same command on the same ports and data directory: its ARM state and, on
    /// Service Bus, every message it acknowledged come back, as after a crash of a durable broker.
    /// </summary>
    public async Task RestartLocalCloudAsync()
    {
        _localCloud!.Kill();
        await StartLocalCloudAsync();
    }

    /// <summary>
    /// <c>aro-rp</c> run as an operator would beside the RP (<c>aro-rp dead-letters list</c>), with the RP processes'
    /// settings; its exit code and what it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments)
    {
        var name = $"tool-{++_tools}";
        await using var tool = RpProcess.Start(name, _root, _rpEnvironment, arguments);
        var exitCode = await tool.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, tool.Output());
    }

    /// <summary>Everything the processes said, for a failing assertion's message.</summary>
    public string Logs() => string.Join('\n', _processes.Select(p => p.Tail()));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        Rp.Dispose();
        LocalCloud.Dispose();
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A log still open by a dying process; the temp directory is cleaned eventually.
        }
    }

    private async Task StartLocalCloudAsync()
    {
        _localCloud = Start("local-cloud", "local-cloud", new Dictionary<string, string>(_broker.LocalCloudEnvironment)
        {
            ["ARO_LOCAL_CLOUD_URL"] = $"https://localhost:{LocalCloudPort}",
            ["ARO_LOCAL_CLOUD_VM_LATENCY"] = VirtualMachineLatency.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["LOCATION"] = "eastus",
        });
        await WaitUntilHealthyAsync(_localCloud, new Uri(LocalCloud.BaseAddress!, "_localcloud/faults"));
    }

    private async Task StartFrontendAsync()
    {
        var frontend = Frontend = Start("frontend", "frontend", new Dictionary<string, string>(_rpEnvironment) { ["ARO_LISTEN_URL"] = $"https://localhost:{FrontendPort}" });
        await WaitUntilHealthyAsync(frontend, new Uri(Rp.BaseAddress!, "healthz/ready"));
    }

    private RpProcess Start(string name, string command, Dictionary<string, string> environment)
    {
        var dataDirectory = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        environment.TryAdd("ARO_DATA_DIR", dataDirectory);
        var process = RpProcess.Start(name, _root, environment, command);
        _processes.Add(process);
        return process;
    }

    private async Task WaitUntilHealthyAsync(RpProcess process, Uri health)
    {
        using var http = new HttpClient(AnyCertificate()) { Timeout = TimeSpan.FromSeconds(5) };
        // A bound, not a timing assertion: a process waits for Cosmos DB and the broker, slow on a busy two-core machine.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            Assert.False(process.HasExited, $"{process.Name} exited while starting.\n{process.Tail()}");
            try
            {
                if ((await http.GetAsync(health)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{process.Name} did not become healthy at {health}.\n{process.Tail()}");
            await Task.Delay(200);
        }
    }

    private static HttpClientHandler AnyCertificate() => new()
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    };
}
