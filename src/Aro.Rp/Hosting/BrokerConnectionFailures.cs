using MassTransit;
using RabbitMQ.Client.Exceptions;
using Serilog.Core;
using Serilog.Events;

namespace Aro.Rp.Hosting;

/// <summary>
/// While the broker is unreachable MassTransit retries with backoff and logs every failed attempt twice, each with a
/// stack trace that says nothing but "unreachable". This sink in front of the console keeps the warning, one line per
/// attempt, with the reason as a property instead of the stack trace, and drops the informational repeat.
/// </summary>
internal sealed class BrokerConnectionFailures(ILogEventSink console) : ILogEventSink, IDisposable
{
    public static ILogEventSink Summarised(ILogEventSink console) => new BrokerConnectionFailures(console);

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Exception is not { } exception || Unreachable(exception) is not { } reason)
        {
            console.Emit(logEvent);
            return;
        }

        if (logEvent.Level < LogEventLevel.Warning)
        {
            return;
        }

        console.Emit(new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            exception: null,
            logEvent.MessageTemplate,
            [.. logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), new LogEventProperty("Reason", new ScalarValue(reason))]));
    }

    public void Dispose() => (console as IDisposable)?.Dispose();

    /// <summary>The innermost message when <paramref name="exception"/> only says the broker cannot be reached; otherwise null.</summary>
    private static string? Unreachable(Exception exception)
    {
        var unreachable = false;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            unreachable |= current is BrokerUnreachableException or RabbitMqConnectionException or ConnectFailureException;
            if (current.InnerException is null)
            {
                return unreachable ? current.Message : null;
            }
        }

        return null;
    }
}
