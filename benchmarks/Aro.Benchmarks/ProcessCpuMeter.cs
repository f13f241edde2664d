using System.Diagnostics;

namespace Aro.Benchmarks;

/// <summary>
/// The processor time the whole benchmark process spends per round (iteration), printed as a median when the
/// benchmark case ends. On a shared machine wall-clock rounds swing with the neighbours' load; the CPU a round costs
/// (broker emulator included, as it runs in process) swings much less, so it says which side does more work.
/// </summary>
public sealed class ProcessCpuMeter
{
    private readonly List<double> _rounds = [];
    private TimeSpan _start;

    public void Reset() => _rounds.Clear();

    public void StartRound() => _start = Process.GetCurrentProcess().TotalProcessorTime;

    public void EndRound() => _rounds.Add((Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMilliseconds);

    /// <summary>One line for the log; warm-up rounds included, since BenchmarkDotNet does not tell them apart here.</summary>
    public void Report(string benchmark)
    {
        if (_rounds.Count == 0)
        {
            return;
        }

        var sorted = _rounds.Order().ToList();
        Console.WriteLine($"// CPU per round, {benchmark}: median {sorted[sorted.Count / 2]:F0} ms (min {sorted[0]:F0}, max {sorted[^1]:F0}, {sorted.Count} rounds)");
    }
}
