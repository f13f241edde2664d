using Spectre.Console;

namespace Aro.Rp.Tests.Commands;

/// <summary>A Spectre console writing plain text (no colours, no live redraws, wide enough for any table) to a string.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _output = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        Console.Profile.Width = 240;
    }

    public IAnsiConsole Console { get; }

    public StringWriter Error { get; } = new();

    public string Output => _output.ToString();
}
