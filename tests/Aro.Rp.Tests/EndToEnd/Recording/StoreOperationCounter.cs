using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Aro.Consumers.Projection;
using Aro.Persistence;

namespace Aro.Rp.Tests.EndToEnd.Recording;

/// <summary>
/// Listens to <see cref="StoreMetrics"/> (every SQLite commit and Cosmos DB request, by kind and table or container)
/// and to the end of cluster operations, so a test can count what one operation costs the store without asking the
/// store anything itself.
/// </summary>
internal sealed class StoreOperationCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Kind, string Target)> _operations = new();
    private readonly TaskCompletionSource _operationEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StoreOperationCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is StoreMetrics.MeterName or ClusterOperationMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public IReadOnlyList<(string Kind, string Target)> Operations => [.. _operations];

    public int Count(string kind) => _operations.Count(o => o.Kind == kind);

    /// <summary>Forgets what was counted so far (the test's set-up).</summary>
    public void Reset() => _operations.Clear();

    /// <summary>
    /// Waits for a cluster operation to end, then for the store to go quiet: the saga and the projection may still
    /// write once the operation's end is recorded.
    /// </summary>
    public async Task WaitForOperationEndAndQuietAsync(TimeSpan timeout)
    {
        await _operationEnded.Task.WaitAsync(timeout);
        var seen = -1;
        while (seen != _operations.Count)
        {
            seen = _operations.Count;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Meter.Name == ClusterOperationMetrics.MeterName)
        {
            if (instrument.Name == "aro.cluster.operations")
            {
                _operationEnded.TrySetResult();
            }

            return;
        }

        string? kind = null, target = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "kind")
            {
                kind = tag.Value as string;
            }
            else if (tag.Key == "target")
            {
                target = tag.Value as string;
            }
        }

        _operations.Enqueue((kind ?? "", target ?? ""));
    }
}
