namespace Aro.LocalCloud.Faults;

/// <summary>
/// Latency and injected failures per operation type. One instance per emulator, shared by the
/// in-process API (<see cref="LocalCloudServer.Faults"/>) and the admin path /_localcloud/faults.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Dictionary<string, TimeSpan> _latency = new(StringComparer.OrdinalIgnoreCase);
    private TimeSpan _defaultLatency;

    public FaultInjector(LocalCloudOptions options)
    {
        _defaultLatency = options.DefaultLatency;
        foreach (var (operationType, delay) in options.Latency)
        {
            _latency[operationType] = delay;
        }

        foreach (var fault in options.Faults)
        {
            FailNext(fault.OperationType, fault.Count, fault.StatusCode, fault.Code, fault.Message);
        }
    }

    /// <summary>Makes the next <paramref name="count"/> requests of the operation type fail (negative count: all, until cleared).</summary>
    public FaultRule FailNext(
        string operationType,
        int count = 1,
        int statusCode = 500,
        string code = "InternalServerError",
        string message = "Fault injected by the local cloud.")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationType);
        var rule = new FaultRule(operationType, count, statusCode, code, message);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Makes every request of the operation type fail until <see cref="Clear"/> or <see cref="Remove"/>.</summary>
    public FaultRule FailAlways(
        string operationType,
        int statusCode = 500,
        string code = "InternalServerError",
        string message = "Fault injected by the local cloud.") =>
        FailNext(operationType, -1, statusCode, code, message);

    public bool Remove(Guid ruleId)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Id == ruleId) > 0;
        }
    }

    /// <summary>Sets the delay of an operation type; <see cref="TimeSpan.Zero"/> removes it.</summary>
    public void SetLatency(string operationType, TimeSpan delay)
    {
        lock (_gate)
        {
            if (delay <= TimeSpan.Zero)
            {
                _latency.Remove(operationType);
            }
            else
            {
                _latency[operationType] = delay;
            }
        }
    }

    public void SetDefaultLatency(TimeSpan delay)
    {
        lock (_gate)
        {
            _defaultLatency = delay;
        }
    }

    /// <summary>Removes every fault and latency, so one test's knobs never leak into the next.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _latency.Clear();
            _defaultLatency = TimeSpan.Zero;
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    public IReadOnlyDictionary<string, TimeSpan> Latencies
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, TimeSpan>(_latency, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    public TimeSpan DefaultLatency
    {
        get
        {
            lock (_gate)
            {
                return _defaultLatency;
            }
        }
    }

    /// <summary>Waits the configured latency, then returns the fault to answer with, if one is armed.</summary>
    internal async Task<FaultRule?> ApplyAsync(string operationType, CancellationToken cancellationToken)
    {
        TimeSpan delay;
        FaultRule? hit = null;
        lock (_gate)
        {
            delay = _defaultLatency;
            foreach (var (pattern, value) in _latency)
            {
                if (FaultRule.Matches(pattern, operationType))
                {
                    delay += value;
                }
            }

            foreach (var rule in _rules)
            {
                if (rule.Remaining != 0 && rule.Matches(operationType))
                {
                    hit = rule;
                    break;
                }
            }

            if (hit is not null)
            {
                hit.Hits++;
                if (hit.Remaining > 0)
                {
                    hit.Remaining--;
                }

                if (hit.Remaining == 0)
                {
                    _rules.Remove(hit);
                }
            }
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        return hit;
    }
}
