using System.Diagnostics;
using Aro.Benchmarks.CreatePipeline;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Hosting;

namespace Aro.Benchmarks.CreateEndToEnd;

/// <summary>
/// Creates through the whole all-in-one RP (<see cref="AllInOneRpOnKestrel"/>) on a zero-latency local cloud (issue 16).
/// Two questions, each with its baseline in the same run:
/// <list type="bullet">
/// <item><b>Create → Succeeded</b>: one create PUT, then its operation's end heard on the RP's meter (no polling), one
/// create at a time. Baseline: one create through the bus and the lifecycle saga alone (in-memory bus, saga in SQLite,
/// each step answered at once: <see cref="CreatePipelineHost"/>), so the ratio is what the frontend, the cloud steps and
/// their store writes add to the messages.</item>
/// <item><b>8 PUTs at once</b>: eight create PUTs of new clusters sent together while the backend works on every earlier
/// one. Baseline: eight GETs of one cluster sent together to the same RP. Each PUT's own latency is kept and its
/// percentiles printed at the end (BenchmarkDotNet's statistics are per round of eight).</item>
/// </list>
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CreateEndToEndBenchmarks
{
    private const string Latency = "Create → Succeeded";
    private const string Throughput = "8 PUTs at once";
    private const int AtOnce = 8;
    private static readonly TimeSpan CreateDeadline = TimeSpan.FromMinutes(2);

    private readonly List<double> _putMilliseconds = [];
    private readonly ProcessCpuMeter _putRoundCpu = new();
    private string _dataDirectory = "";
    private IHost? _pipeline;
    private AllInOneRpOnKestrel? _rp;
    private OperationEnds? _ends;
    private string[] _next = [];
    private int _clusters;
    private int _rounds;
    private int _endedBefore;
    private string _first = "";

    /// <summary>Cloud:KubernetesPollInterval: how often the VM step looks at the workers' MachineSets.</summary>
    [Params("00:00:00.100")]
    public string PollInterval { get; set; } = "00:00:00.100";

    [GlobalSetup(Target = nameof(BusAndSagaAsync))]
    public async Task SetupPipelineAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "aro-bench-e2e-pipeline-" + Guid.NewGuid().ToString("N")[..8]);
        _pipeline = await CreatePipelineHost.StartAsync(_dataDirectory, new() { ["Messaging:Transport"] = "inmemory" });
    }

    [GlobalSetup(Targets = [nameof(CreateUntilSucceededAsync), nameof(PutAtOnceAsync)])]
    public async Task SetupRpAsync()
    {
        _ends = new OperationEnds();
        _rp = await AllInOneRpOnKestrel.StartAsync(TimeSpan.Parse(PollInterval, System.Globalization.CultureInfo.InvariantCulture));
        // One create first: the JIT, the connections and the local cloud's first resources are set-up, not the measure.
        var first = await NewClustersAsync(1);
        await CreateOneAsync(first);
        _first = first[0];
        _endedBefore = _ends.ResetSpans();
    }

    [GlobalSetup(Target = nameof(GetAtOnceAsync))]
    public Task SetupGetAsync() => SetupRpAsync();

    [IterationSetup(Target = nameof(CreateUntilSucceededAsync))]
    public void NextCluster() => _next = NewClustersAsync(1).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(PutAtOnceAsync))]
    public void NextClusters() => _next = NewClustersAsync(AtOnce).GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_ends is not null)
        {
            var ended = _ends.Ended - _endedBefore;
            Console.WriteLine($"// {ended} operations ended after set-up, {_ends.Failed} not Succeeded.");
            if (_putMilliseconds.Count > 0)
            {
                // The first rounds are BenchmarkDotNet's jitting and warm-up; the report's percentiles are of the measured ones.
                var measured = _putMilliseconds.Skip((1 + Config.WarmupRounds) * AtOnce).Order().ToArray();
                Console.WriteLine($"// PUT latency over {measured.Length} PUTs: median {Percentile(measured, 0.50):0.0} ms, p90 {Percentile(measured, 0.90):0.0} ms, p99 {Percentile(measured, 0.99):0.0} ms, max {measured[^1]:0.0} ms");
                _putRoundCpu.Report($"{AtOnce} create PUTs at once");
            }

            if (_rounds > 0 && _putMilliseconds.Count == 0)
            {
                foreach (var line in _ends.SpanReport(ended))
                {
                    Console.WriteLine("// " + line);
                }
            }

            _ends.Dispose();
        }

        if (_rp is not null)
        {
            await _rp.DisposeAsync();
        }

        if (_pipeline is not null)
        {
            await _pipeline.StopAsync();
            _pipeline.Dispose();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [BenchmarkCategory(Latency), Benchmark(Baseline = true, Description = "one create, bus + saga only (in-memory, steps answered at once)")]
    public Task BusAndSagaAsync() => CreatePipelineHost.CreateAsync(_pipeline!, 1);

    [BenchmarkCategory(Latency), Benchmark(Description = "one create PUT → Succeeded, all-in-one RP")]
    public Task CreateUntilSucceededAsync()
    {
        _rounds++;
        return CreateOneAsync(_next);
    }

    [BenchmarkCategory(Throughput), Benchmark(Baseline = true, Description = "8 GETs of one cluster at once")]
    public Task GetAtOnceAsync() =>
        Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => _rp!.GetClusterAsync(_first)));

    [BenchmarkCategory(Throughput), Benchmark(Description = "8 create PUTs at once, backend running")]
    public async Task PutAtOnceAsync()
    {
        _rounds++;

        // The CPU the whole process (RP, backend, local cloud) spends during the round, against the round's time: how
        // many cores were busy, which says whether the PUTs wait on something (the store, a lock) or on the processor.
        _putRoundCpu.StartRound();
        var latencies = await Task.WhenAll(_next.Select(async cluster =>
        {
            var started = Stopwatch.GetTimestamp();
            await _rp!.PutClusterAsync(cluster);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }));
        _putRoundCpu.EndRound();
        _putMilliseconds.AddRange(latencies);
    }

    private async Task CreateOneAsync(string[] clusters)
    {
        var ended = _ends!.NextAsync();
        await _rp!.PutClusterAsync(clusters[0]);
        await ended.WaitAsync(CreateDeadline);
    }

    private async Task<string[]> NewClustersAsync(int count)
    {
        var clusters = Enumerable.Range(0, count).Select(_ => $"bench-{++_clusters}").ToArray();
        foreach (var cluster in clusters)
        {
            await _rp!.CreateVirtualNetworkAsync(cluster);
        }

        return clusters;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    /// <summary>In process (the RP and its local cloud are built into the benchmark), one create or round per invocation.</summary>
    private sealed class Config : InProcessRoundsConfig
    {
        public const int WarmupRounds = 5;

        public Config()
            : base(WarmupRounds, iterations: 40)
        {
        }
    }
}
