using System.CommandLine;
using Aro.Rp.Hosting;
using Aro.Rp.Operators;
using Spectre.Console;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp clusters list|show|watch</c>: where clusters stand, read straight from the store the RP is configured with
/// (ARO_STORE, ARO_DATA_DIR, ARO_COSMOS_*), with its sealing keys (ARO_KEYVAULT_URL or ARO_DATA_DIR/keys), so an operator
/// never opens the database by hand. Nothing here writes.
/// </summary>
internal static class ClustersCommand
{
    private static readonly Argument<string> ResourceIdArgument = new("resource-id") { Description = "The cluster's ARM resource id." };
    private static readonly Option<TimeSpan> Interval = new("--interval") { Description = "How often watch reads the store (default 1s).", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };

    public static Command Create()
    {
        var command = new Command("clusters", CommandHelp.WithEnvironment(
            "Clusters as the RP's store holds them: a table of all, one in detail (saga, steps, last error), or one watched to the end of its operation.",
            AroEnvironmentVariables.For("Rp:DataDirectory", "Persistence", "Rp:KeyVaultUrl", "AzureIdentity")));
        var list = new Command("list", "Every cluster: name, resource group, subscription, provisioningState, operation and step, last change.");
        list.SetAction((parseResult, cancellationToken) => ListAsync(Configuration(parseResult), AnsiConsole.Console, Console.Error, cancellationToken));
        var show = new Command("show", "One cluster: its document without secrets, its operation, its saga's state and attempts, its steps and last error.") { ResourceIdArgument };
        show.SetAction((parseResult, cancellationToken) => ShowAsync(Configuration(parseResult), parseResult.GetRequiredValue(ResourceIdArgument), AnsiConsole.Console, Console.Error, cancellationToken));
        var watch = new Command("watch", "Follow one cluster's operation through its steps until it ends: exit code 0 when it succeeds, 1 when it fails.") { ResourceIdArgument, Interval };
        watch.SetAction((parseResult, cancellationToken) => WatchAsync(Configuration(parseResult), parseResult.GetRequiredValue(ResourceIdArgument), parseResult.GetValue(Interval), AnsiConsole.Console, Console.Error, cancellationToken));
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(watch);
        return command;
    }

    public static Task<int> ListAsync(IConfiguration configuration, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync(error, async () =>
        {
            await using var store = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var clusters = new List<ClusterStatus>();
            await foreach (var document in store.ListAllClustersAsync(cancellationToken))
            {
                clusters.Add(await store.StatusOfAsync(document, cancellationToken));
            }

            if (clusters.Count == 0)
            {
                console.WriteLine($"No clusters in {store.Description}.");
                return 0;
            }

            console.Write(ClusterTables.List(clusters));
            return 0;
        });

    public static Task<int> ShowAsync(IConfiguration configuration, string resourceId, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync(error, async () =>
        {
            await using var store = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var cluster = await store.GetClusterAsync(resourceId, cancellationToken);
            foreach (var part in ClusterTables.Show(cluster, store.Description))
            {
                console.Write(part);
            }

            return 0;
        });

    public static Task<int> WatchAsync(IConfiguration configuration, string resourceId, TimeSpan interval, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync(error, async () =>
        {
            await using var store = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var first = await store.GetClusterAsync(resourceId, cancellationToken);
            return await new ClusterWatch(store, first, interval, console).RunAsync(cancellationToken);
        });

    private static IConfiguration Configuration(ParseResult parseResult) => AroConfiguration.Build([.. parseResult.UnmatchedTokens]);
}
