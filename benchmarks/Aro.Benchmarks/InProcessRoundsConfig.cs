using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Aro.Benchmarks;

/// <summary>
/// For benchmarks whose one invocation is a whole round against a broker (seconds): each iteration one round, three
/// warm-up rounds so the JIT has promoted the bus's pipeline (the first rounds run tier-0 code), nine measured. In
/// process: the local cloud runs in it anyway, and generating and building a benchmark project exceeds
/// BenchmarkDotNet's two-minute build timeout on a busy two-core machine.
/// </summary>
public class InProcessRoundsConfig : ManualConfig
{
    public InProcessRoundsConfig()
        : this(warmups: 3, iterations: 9)
    {
    }

    /// <summary>Other counts, for rounds short enough to take many (the median and tail columns are then added).</summary>
    protected InProcessRoundsConfig(int warmups, int iterations)
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        if (iterations > 9)
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
