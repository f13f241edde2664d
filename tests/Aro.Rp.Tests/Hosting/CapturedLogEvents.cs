using Serilog.Core;
using Serilog.Events;

namespace Aro.Rp.Tests.Hosting;

/// <summary>A Serilog sink keeping every event it is given, for tests to read what the RP logged.</summary>
internal sealed class CapturedLogEvents : ILogEventSink
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly List<LogEvent> _events = [];
    private readonly SemaphoreSlim _emitted = new(0);

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }

        _emitted.Release();
    }

    /// <summary>The events whose message template is <paramref name="template"/>, in the order they were logged.</summary>
    public IReadOnlyList<LogEvent> WithTemplate(string template)
    {
        lock (_events)
        {
            return [.. _events.Where(e => e.MessageTemplate.Text == template)];
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> events with <paramref name="template"/> match <paramref name="matches"/>: a
    /// line may be written just after the change a test observed (a response sent, a document saved).
    /// </summary>
    public async Task<IReadOnlyList<LogEvent>> WaitForAsync(string template, Func<LogEvent, bool> matches, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var found = WithTemplate(template).Where(matches).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero || !await _emitted.WaitAsync(remaining))
            {
                Assert.Fail($"Only {found.Count} of {count} events '{template}' were logged in {Deadline}.");
            }
        }
    }

    /// <summary>A property's value as text (a string without its quotes).</summary>
    public static string? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) ? value is ScalarValue { Value: var scalar } ? scalar?.ToString() : value.ToString() : null;
}
