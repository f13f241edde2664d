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
    private double _wallMilliseconds;
    private TimeSpan _start;
    private long _startTimestamp;

    public void Reset()
    {
        _rounds.Clear();
        _wallMilliseconds = 0;
    }

    public void StartRound()
    {
        _startTimestamp = Stopwatch.GetTimestamp();
        _start = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public void EndRound()
    {
        _rounds.Add((Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMilliseconds);
        _wallMilliseconds += Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;
    }

    /// <summary>One line for the log; warm-up rounds included, since BenchmarkDotNet does not tell them apart here.</summary>
    public void Report(string benchmark)
    {
        if (_rounds.Count == 0)
        {
            return;
        }

        var sorted = _rounds.Order().ToList();
        // CPU over wall time: how many cores the process kept busy while the rounds ran (2 here means all of them).
        var coresBusy = _wallMilliseconds > 0 ? _rounds.Sum() / _wallMilliseconds : 0;
        Console.WriteLine($"// CPU per round, {benchmark}: median {sorted[sorted.Count / 2]:F0} ms (min {sorted[0]:F0}, max {sorted[^1]:F0}, {sorted.Count} rounds), {coresBusy:F2} cores busy");
    }
}
