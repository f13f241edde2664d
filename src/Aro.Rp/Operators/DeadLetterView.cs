using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Messaging.DeadLetters;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Rp.Operators;

/// <summary>How <c>aro-rp dead-letters show</c> draws one dead letter. Every value from the broker is shown as text, never read as markup.</summary>
internal static class DeadLetterView
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Everything show prints, top to bottom: where and why, the exception, the headers, the body.</summary>
    public static IEnumerable<IRenderable> Show(DeadLetterMessage deadLetter)
    {
        var summary = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        summary.AddRow(new Markup("[bold]Queue[/]"), new Text(deadLetter.Queue));
        summary.AddRow(new Markup("[bold]Failed on[/]"), new Text(deadLetter.OriginalQueue));
        summary.AddRow(new Markup("[bold]Message id[/]"), new Text(deadLetter.MessageId ?? "-"));
        summary.AddRow(new Markup("[bold]Message type[/]"), new Text(deadLetter.MessageType ?? "-"));
        summary.AddRow(new Markup("[bold]Faulted at[/]"), new Text(deadLetter.FaultedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-"));
        summary.AddRow(new Markup("[bold]Reason[/]"), new Text(deadLetter.FaultReason ?? "-"));
        yield return summary;

        if (deadLetter.Exception is { } exception)
        {
            yield return new Panel(new Text(exception)).Header("Exception").BorderColor(Color.Red).Expand();
        }

        var headers = new Table().Border(TableBorder.Rounded).Title("Headers").AddColumns("NAME", "VALUE");
        foreach (var (name, value) in deadLetter.Headers)
        {
            headers.AddRow(new Text(name), new Text(value ?? "-"));
        }

        yield return headers;
        yield return new Panel(new Text(Pretty(deadLetter.Body))).Header("Body").Expand();
    }

    /// <summary>JSON indented for reading; a body that is not JSON as it is.</summary>
    internal static string Pretty(string body)
    {
        try
        {
            return JsonNode.Parse(body)?.ToJsonString(Indented) ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
