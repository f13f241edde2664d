using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Aro.Orchestration.Tests;

/// <summary>docs/state-machine.md must draw every state, event and transition the machine has, and no other.</summary>
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

    [Fact]
    public void The_diagram_draws_exactly_the_machines_transitions()
    {
        // Implicit events are drawn by what they belong to (StepTimeout.Received as StepTimeout).
        var machine = TransitionCollector<ClusterLifecycleState>.Of(Machine)
            .Select(t => (t.From, Event: t.Event.Split('.')[0], t.To))
            .ToHashSet();
        var drawn = DrawnTransitions().ToHashSet();

        var undrawn = machine.Except(drawn).Order().Select(t => $"{t.From} --{t.Event}--> {t.To}").ToList();
        var invented = drawn.Except(machine).Order().Select(t => $"{t.From} --{t.Event}--> {t.To}").ToList();
        Assert.True(undrawn.Count == 0, $"docs/state-machine.md lacks: {string.Join("; ", undrawn)}");
        Assert.True(invented.Count == 0, $"docs/state-machine.md draws what the machine lacks: {string.Join("; ", invented)}");
    }

    /// <summary>
    /// Every arrow between two of the machine's states as (from, event, to): a label lists its events separated by
    /// " / ", each optionally followed by a note in parentheses; [*] is Initial as a source and Final as a target.
    /// Arrows inside the fork's composite (fork, join, its branches) are drawing, not transitions.
    /// </summary>
    private static IEnumerable<(string From, string Event, string To)> DrawnTransitions()
    {
        var states = Machine.States.Select(s => s.Name).ToHashSet();
        foreach (Match arrow in LabelledTransitionPattern().Matches(Diagram()))
        {
            var from = arrow.Groups["from"].Value == "[*]" ? "Initial" : arrow.Groups["from"].Value;
            var to = arrow.Groups["to"].Value == "[*]" ? "Final" : arrow.Groups["to"].Value;
            if (!states.Contains(from) || !states.Contains(to))
            {
                continue;
            }

            var label = NotePattern().Replace(arrow.Groups["label"].Value, "");
            foreach (var name in label.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (from, name, to);
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

    [GeneratedRegex(@"^\s*(?<from>\[\*\]|\w+)\s*-->\s*(?<to>\[\*\]|\w+)\s*:(?<label>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex LabelledTransitionPattern();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex NotePattern();
}
