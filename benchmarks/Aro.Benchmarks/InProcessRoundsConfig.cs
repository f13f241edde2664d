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
public sealed class InProcessRoundsConfig : ManualConfig
{
    public InProcessRoundsConfig() =>
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(9)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
}
