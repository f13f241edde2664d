using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Aro.Rp.Tests.EndToEnd.Recording;

/// <summary>Every log event the RP writes, as the JSON log format renders it (message, properties and exception).</summary>
internal sealed class RecordingLogSink : ILogEventSink
{
    private readonly CompactJsonFormatter _formatter = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        // The rendered message too: the JSON form holds the template and the values apart.
        _lines.Enqueue(writer + logEvent.RenderMessage() + logEvent.Exception);
    }
}
