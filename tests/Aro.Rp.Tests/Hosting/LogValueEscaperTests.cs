using Aro.Rp.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Aro.Rp.Tests.Hosting;

/// <summary>Whatever a request puts in a logged value, the text log gets exactly one line per event.</summary>
public sealed class LogValueEscaperTests
{
    // The RP's text console template (RpApplication).
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>Every character a terminal or log viewer may break a line on: C0, DEL, C1, and the Unicode separators.</summary>
    public static TheoryData<int> LineBreakers()
    {
        var data = new TheoryData<int>();
        foreach (var code in Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Append(0x2028).Append(0x2029))
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LineBreakers))]
    public void No_request_value_starts_a_log_line(int code)
    {
        var forged = $"/forged{(char)code}[00:00:00 ERR] FORGED-LINE";

        var output = Render(log => log
            .ForContext("RequestPath", forged)
            .ForContext("Scope", new Dictionary<string, object> { [forged] = forged }, destructureObjects: true)
            .Information("Request {Path} with {Headers} and {@Body}", forged, new[] { forged }, new { Name = forged }));

        Assert.EndsWith(Environment.NewLine, output);
        var line = output[..^Environment.NewLine.Length];
        Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u2028' or '\u2029');
        Assert.Equal(6, line.Split("FORGED-LINE").Length - 1);
    }

    [Fact]
    public void Values_without_control_characters_are_left_as_they_are()
    {
        var value = new ScalarValue("/subscriptions/x/resourceGroups/rg ünïcödé");

        Assert.Same(value, LogValueEscaper.Escape(value));
    }

    [Fact]
    public void Escapes_are_readable()
    {
        var escaped = (ScalarValue)LogValueEscaper.Escape(new ScalarValue("a\nb\rc\td\u001be\u2028"));

        Assert.Equal("a\\nb\\rc\\td\\u001be\\u2028", escaped.Value);
    }

    private static string Render(Action<ILogger> write)
    {
        var sink = new TextSink();
        using (var logger = new LoggerConfiguration().Enrich.With<LogValueEscaper>().WriteTo.Sink(sink).CreateLogger())
        {
            write(logger);
        }

        return sink.Output.ToString();
    }

    private sealed class TextSink : ILogEventSink
    {
        private readonly MessageTemplateTextFormatter _formatter = new(TextTemplate);

        public StringWriter Output { get; } = new();

        public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, Output);
    }
}
