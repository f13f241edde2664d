using System.Globalization;
using System.Text.Json;
using Aro.Api.Resources;
using Aro.Rp.Admin;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Rp.Operators;

/// <summary>How <c>aro-rp clusters</c> draws clusters. Every value from the store is shown as text, never read as markup.</summary>
internal static class ClusterTables
{
    public static Table List(IEnumerable<ClusterStatus> clusters)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("NAME", "RESOURCE GROUP", "SUBSCRIPTION", "STATE", "OPERATION / STEP", "LAST CHANGE");
        foreach (var cluster in clusters)
        {
            var id = ResourceId.TryParse(cluster.Cluster.Id, out var parsed) ? parsed : null;
            table.AddRow(
                new Text(cluster.Cluster.Name),
                new Text(id?.ResourceGroup ?? "-"),
                new Text(id?.SubscriptionId ?? cluster.Document.PartitionKey),
                State(cluster),
                new Text(OperationAndStep(cluster)),
                new Text(Time(cluster.LastChange)));
        }

        return table;
    }

    /// <summary>Everything <c>clusters show</c> prints, top to bottom.</summary>
    public static IEnumerable<IRenderable> Show(ClusterStatus cluster, string store)
    {
        var summary = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        summary.AddRow(new Markup("[bold]Cluster[/]"), new Text(cluster.Cluster.Id));
        summary.AddRow(new Markup("[bold]Store[/]"), new Text(store));
        summary.AddRow(new Markup("[bold]Provisioning state[/]"), State(cluster));
        if (cluster.Cluster.Properties.FailedProvisioningState is { } failedIn)
        {
            summary.AddRow(new Markup("[bold]Failed while[/]"), new Text(failedIn.ToString()));
        }

        summary.AddRow(new Markup("[bold]Last change[/]"), new Text(Time(cluster.LastChange)));
        yield return summary;

        yield return OperationTable(cluster);
        yield return SagaTable(cluster);
        yield return TimelineTable(cluster.Timeline);
        if (cluster.LastError is { } error)
        {
            yield return new Panel(new Rows(
                new Text($"{error.Code}: {error.Message}"),
                new Text(error.Target is null ? "" : $"target: {error.Target}")))
                .Header("Last error").BorderColor(Color.Red);
        }

        // The admin API's view of the document: every [Secret] property left out by attribute.
        yield return new Panel(new Text(JsonSerializer.Serialize(cluster.Document, DocumentJson)))
            .Header("Document (secrets left out)").Expand();
    }

    public static string StepMark(StepState state) => state switch
    {
        StepState.Done => "done",
        StepState.Running => "running",
        StepState.Failed => "FAILED",
        _ => "pending",
    };

    public static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static readonly JsonSerializerOptions DocumentJson = new(SecretFreeJson.Options) { WriteIndented = true };

    private static Table OperationTable(ClusterStatus cluster)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Operation").AddColumns("FIELD", "VALUE");
        if (cluster.Operation is not { } operation)
        {
            table.AddRow("id", "- (no operation recorded)");
            return table;
        }

        var status = operation.AsyncOperation;
        table.AddRow(new Text("id"), new Text(status.Name));
        table.AddRow(new Text("kind"), new Text(cluster.OperationKind?.ToString() ?? "-"));
        table.AddRow(new Text("status"), new Text(status.Status.ToString()));
        table.AddRow(new Text("step"), new Text(cluster.CurrentStep ?? "-"));
        table.AddRow(new Text("percent complete"), new Text(cluster.PercentComplete?.ToString(CultureInfo.InvariantCulture) ?? "-"));
        table.AddRow(new Text("started"), new Text(Time(status.StartTime)));
        table.AddRow(new Text("last progress"), new Text(Time(cluster.Document.LastProgressAt)));
        table.AddRow(new Text("ended"), new Text(Time(status.EndTime)));
        return table;
    }

    private static Table SagaTable(ClusterStatus cluster)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Lifecycle saga").AddColumns("FIELD", "VALUE");
        if (cluster.Saga is not { } saga)
        {
            table.AddRow("state", "- (no saga instance: none started yet, or its cluster was deleted)");
            return table;
        }

        table.AddRow(new Text("correlation id"), new Text(saga.CorrelationId.ToString()));
        table.AddRow(new Text("state"), new Text(saga.CurrentState));
        table.AddRow(new Text("operation"), new Text($"{saga.Operation} {saga.OperationId}"));
        table.AddRow(new Text("attempt"), new Text(saga.Attempt.ToString(CultureInfo.InvariantCulture)));
        table.AddRow(new Text("version"), new Text(saga.Version.ToString(CultureInfo.InvariantCulture)));
        if (saga.CurrentState == nameof(Orchestration.ClusterLifecycleStateMachine.ConfiguringDnsAndIgnition))
        {
            table.AddRow(new Text("branches"), new Text($"dns {(saga.DnsFinished ? "answered" : "waiting")}, ignition {(saga.IgnitionFinished ? "answered" : "waiting")}"));
        }

        if (saga.WorkerCount is { } workers)
        {
            table.AddRow(new Text("workers"), new Text(workers.ToString(CultureInfo.InvariantCulture)));
        }

        table.AddRow(new Text("error"), new Text(saga.ErrorCode is null ? "-" : $"{saga.ErrorCode}: {saga.ErrorMessage}"));
        return table;
    }

    private static Table TimelineTable(IReadOnlyList<StepProgress> timeline)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Steps").AddColumns("#", "STEP", "STATE", "ATTEMPT");
        var number = 1;
        foreach (var step in timeline)
        {
            table.AddRow(
                new Text((number++).ToString(CultureInfo.InvariantCulture)),
                new Text(step.Step),
                new Text(StepMark(step.State), StepStyle(step.State)),
                new Text(step.Attempt?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }

        return table;
    }

    private static Text State(ClusterStatus cluster) => new(cluster.ProvisioningState.ToString(), cluster.ProvisioningState switch
    {
        Api.Model.ProvisioningState.Succeeded => new Style(Color.Green),
        Api.Model.ProvisioningState.Failed => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    });

    private static Style StepStyle(StepState state) => state switch
    {
        StepState.Done => new Style(Color.Green),
        StepState.Running => new Style(Color.Yellow),
        StepState.Failed => new Style(Color.Red),
        _ => Style.Plain,
    };

    private static string OperationAndStep(ClusterStatus cluster)
    {
        if (cluster.IsSettled)
        {
            return cluster.ProvisioningState == Api.Model.ProvisioningState.Failed && cluster.CurrentStep is { } failedStep
                ? $"{cluster.OperationKind} failed in {failedStep}"
                : "-";
        }

        var percent = cluster.PercentComplete is { } value ? $" ({value}%)" : "";
        return $"{cluster.OperationKind?.ToString() ?? "?"} / {cluster.CurrentStep ?? "starting"}{percent}";
    }
}
