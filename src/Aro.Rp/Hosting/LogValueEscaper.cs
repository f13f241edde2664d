using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace Aro.Rp.Hosting;

/// <summary>
/// Values from requests (paths, headers, names in error messages) reach log events as properties; written by the
/// text console sink, a newline in one would start a line of the caller's choosing (<c>GET /x%0A[00:00:00 ERR] ...</c>).
/// This escapes every control and line-separator character in every string property, nested ones included, as
/// <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>, once for all events, so no value can start a log line.
/// </summary>
internal sealed class LogValueEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
            }
        }
    }

    /// <summary>The value with its strings escaped; the same instance when nothing needed it.</summary>
    internal static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text } when text.Any(NeedsEscape):
                return new ScalarValue(EscapeText(text));
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escape).ToArray();
                return elements.SequenceEqual(sequence.Elements, ReferenceEqualityComparer.Instance) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new { p.Name, p.Value, Escaped = Escape(p.Value) }).ToArray();
                return properties.All(p => ReferenceEquals(p.Value, p.Escaped))
                    ? value
                    : new StructureValue(properties.Select(p => new LogEventProperty(p.Name, p.Escaped)), structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new { e.Key, e.Value, EscapedKey = (ScalarValue)Escape(e.Key), Escaped = Escape(e.Value) }).ToArray();
                return entries.All(e => ReferenceEquals(e.Key, e.EscapedKey) && ReferenceEquals(e.Value, e.Escaped))
                    ? value
                    : new DictionaryValue(entries.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.EscapedKey, e.Escaped)));
            default:
                return value;
        }
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static string EscapeText(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
