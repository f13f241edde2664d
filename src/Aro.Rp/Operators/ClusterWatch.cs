using System.Globalization;
using Aro.Api.Model;
using Spectre.Console;

namespace Aro.Rp.Operators;

/// <summary>
/// <c>aro-rp clusters watch</c>: reads the cluster every interval until its operation ends. In a terminal it draws a live
/// progress bar per step; piped (CI logs, tests) it writes one line each time the state, step or attempt changes.
/// </summary>
internal sealed class ClusterWatch(OperatorStore store, ClusterStatus first, TimeSpan interval, IAnsiConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        ClusterStatus? last;
        if (console.Profile.Capabilities.Interactive)
        {
            last = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    return await FollowAsync(status => Draw(progress, bars, status), cancellationToken);
                });
        }
        else
        {
            string? previous = null;
            last = await FollowAsync(status =>
            {
                var line = Describe(status);
                if (line != previous)
                {
                    console.WriteLine($"{ClusterTables.Time(DateTimeOffset.UtcNow)}  {line}");
                    previous = line;
                }
            }, cancellationToken);
        }

        return Outcome(last);
    }

    /// <summary>Reads the cluster until it settles or disappears; the last status read, or null once it is gone.</summary>
    private async Task<ClusterStatus?> FollowAsync(Action<ClusterStatus> show, CancellationToken cancellationToken)
    {
        var status = first;
        while (true)
        {
            show(status);
            if (status.IsSettled)
            {
                return status;
            }

            await Task.Delay(interval, cancellationToken);
            var document = await store.Clusters.GetAsync(first.Document.PartitionKey, first.Document.Id, cancellationToken);
            if (document is null)
            {
                return null;
            }

            status = await store.StatusOfAsync(document, cancellationToken);
        }
    }

    private int Outcome(ClusterStatus? last)
    {
        if (last is null)
        {
            console.WriteLine($"{first.Cluster.Name}: deleted.");
            return 0;
        }

        if (last.ProvisioningState == ProvisioningState.Succeeded)
        {
            console.WriteLine($"{last.Cluster.Name}: Succeeded.");
            return 0;
        }

        var error = last.LastError;
        console.WriteLine($"{last.Cluster.Name}: {last.ProvisioningState}{(error is null ? "." : $": {error.Code}: {error.Message}")}");
        return 1;
    }

    private static string Describe(ClusterStatus status)
    {
        var step = status.Timeline.FirstOrDefault(s => s.State is StepState.Running or StepState.Failed);
        var percent = status.PercentComplete is { } value ? $", {value}%" : "";
        return step is null
            ? $"{status.ProvisioningState}"
            : $"{status.ProvisioningState}  {step.Step} ({ClusterTables.StepMark(step.State)}, attempt {step.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "?"}{percent})";
    }

    private static void Draw(ProgressContext progress, Dictionary<string, ProgressTask> bars, ClusterStatus status)
    {
        foreach (var step in status.Timeline)
        {
            if (!bars.TryGetValue(step.Step, out var bar))
            {
                bar = progress.AddTask(Markup.Escape(step.Step), maxValue: 1);
                bars[step.Step] = bar;
            }

            bar.IsIndeterminate = step.State == StepState.Running;
            bar.Value = step.State == StepState.Done ? 1 : 0;
            bar.Description = step.State switch
            {
                StepState.Running => $"[yellow]{Markup.Escape(step.Step)}[/] (attempt {step.Attempt})",
                StepState.Failed => $"[red]{Markup.Escape(step.Step)} failed[/]",
                StepState.Done => $"[green]{Markup.Escape(step.Step)}[/]",
                _ => Markup.Escape(step.Step),
            };
            if (step.State is StepState.Done or StepState.Failed)
            {
                bar.StopTask();
            }
        }
    }
}
