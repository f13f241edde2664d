using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Aro.Orchestration.Tests;

/// <summary>docs/state-machine.md must draw every state and event the machine has.</summary>
public sealed partial class StateMachineDiagramTests
{
    private static readonly ClusterLifecycleStateMachine Machine = new(Options.Create(new ClusterLifecycleOptions()));

    [Fact]
    public void The_diagram_names_every_state()
    {
        var diagram = Diagram();
        foreach (var state in Machine.States.Select(s => s.Name))
        {
            var drawnAs = state is "Initial" or "Final" ? "[*]" : state;
            Assert.True(diagram.Contains(drawnAs, StringComparison.Ordinal), $"docs/state-machine.md does not draw the state {state}.");
        }
    }

    [Fact]
    public void The_diagram_names_every_event()
    {
        var diagram = Diagram();
        // Implicit events (ValidatingNetwork.Enter, StepTimeout.Received, ...) are named after what they belong to.
        foreach (var name in Machine.Events.Select(e => e.Name.Split('.')[0]).Distinct())
        {
            Assert.True(diagram.Contains(name, StringComparison.Ordinal), $"docs/state-machine.md does not draw the event {name}.");
        }
    }

    [Fact]
    public void The_diagram_draws_no_state_the_machine_lacks()
    {
        var states = Machine.States.Select(s => s.Name).ToHashSet();
        var fork = new HashSet<string> { "fork", "join", "ConfigureDns", "GenerateIgnition" };
        foreach (Match transition in TransitionPattern().Matches(Diagram()))
        {
            foreach (var end in new[] { transition.Groups["from"].Value, transition.Groups["to"].Value })
            {
                Assert.True(end == "[*]" || states.Contains(end) || fork.Contains(end), $"docs/state-machine.md draws {end}, which the machine does not have.");
            }
        }
    }

    private static string Diagram()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aro.Messaging.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var document = File.ReadAllText(Path.Combine(directory.FullName, "docs", "state-machine.md"));
        var start = document.IndexOf("```mermaid", StringComparison.Ordinal);
        var end = document.IndexOf("```", start + 3, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/state-machine.md has no mermaid block.");
        return document[start..end];
    }

    [GeneratedRegex(@"^\s*(?<from>\[\*\]|\w+)\s*-->\s*(?<to>\[\*\]|\w+)", RegexOptions.Multiline)]
    private static partial Regex TransitionPattern();
}
