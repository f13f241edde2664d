using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Aro.Consumers.Projection;

namespace Aro.Benchmarks.CreateEndToEnd;

/// <summary>
/// Hears cluster operations end on the RP's own meter (<see cref="ClusterOperationMetrics"/>), so a benchmark waits for
/// a create without polling the RP (a poll is a request the RP would serve while it works). Also keeps how long
/// MassTransit spent in each consumer and saga (its activities), to split a create into cloud steps and the rest.
/// </summary>
internal sealed class OperationEnds : IDisposable
{
    private readonly MeterListener _meter = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentDictionary<string, (int Count, TimeSpan Total)> _spans = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _ended;
    private int _failed;

    public OperationEnds()
    {
        _meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ClusterOperationMetrics.MeterName && instrument.Name == "aro.cluster.operations")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meter.SetMeasurementEventCallback<long>(OnOperationEnded);
        _meter.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _spans.AddOrUpdate(
                SpanName(activity), (1, activity.Duration), (_, sum) => (sum.Count + 1, sum.Total + activity.Duration)),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>Operations that ended other than Succeeded.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Completes when the next operation (counting from now) ends.</summary>
    public Task NextAsync()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Enqueue(next);
        }

        return next.Task;
    }

    /// <summary>Forgets the spans seen so far and returns how many operations have ended.</summary>
    public int ResetSpans()
    {
        _spans.Clear();
        return Volatile.Read(ref _ended);
    }

    /// <summary>Per span name: how many there were and their time per operation over <paramref name="operations"/>, longest first.</summary>
    public IEnumerable<string> SpanReport(int operations) =>
        _spans.OrderByDescending(span => span.Value.Total)
            .Select(span => $"{span.Key,-70} {span.Value.Count / (double)operations,5:0.0} per create  {span.Value.Total.TotalMilliseconds / operations,8:0.00} ms per create");

    public int Ended => Volatile.Read(ref _ended);

    public void Dispose()
    {
        _meter.Dispose();
        _activities.Dispose();
    }

    // HTTP calls by method and the first segments of their path, so the local cloud's ARM, blob and Kubernetes calls
    // show apart (each step's calls are part of its own consume span).
    private static string SpanName(Activity activity) =>
        activity.Source.Name == "MassTransit"
            ? activity.DisplayName
            : $"HTTP {activity.GetTagItem("http.request.method")} {PathKind(activity.GetTagItem("url.full") as string)}";

    private static string PathKind(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "?";
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var provider = Array.FindIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        return segments switch
        {
            [] => uri.Host,
            ["_kubernetes", ..] => "kubernetes",
            _ when provider >= 0 && provider + 2 < segments.Length => $"{segments[provider + 1]}/{segments[provider + 2]}",
            _ when uri.Host.StartsWith("127.", StringComparison.Ordinal) => "blob",
            _ => segments[0],
        };
    }

    private void OnOperationEnded(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "aro.operation.result" && tag.Value as string != "Succeeded")
            {
                Interlocked.Increment(ref _failed);
            }
        }

        Interlocked.Increment(ref _ended);
        TaskCompletionSource? next;
        lock (_gate)
        {
            _waiting.TryDequeue(out next);
        }

        next?.TrySetResult();
    }
}
