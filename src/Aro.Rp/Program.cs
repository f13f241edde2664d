using System.CommandLine;
using Aro.Rp.Commands;
using Aro.Rp.Hosting;

NativeMemoryArenas.Limit();

var root = new RootCommand("aro-rp: the Azure Red Hat OpenShift resource provider. Without a command, the same as aro-rp run.")
{
    // Settings (--Section:Key=value) pass through to configuration; CommandLineSettings refuses everything else.
    TreatUnmatchedTokensAsErrors = false,
};
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ComponentCommand.Frontend());
root.Subcommands.Add(ComponentCommand.Backend());
root.Subcommands.Add(LocalCloudCommand.Create());
root.Subcommands.Add(DeadLettersCommand.Create());
root.Subcommands.Add(ClustersCommand.Create());
root.Subcommands.Add(GenKeyCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
root.SetAction(RunCommand.RunAsync);

var parseResult = root.Parse(args);
if (CommandLineSettings.Unrecognised(parseResult) is { Count: > 0 } unrecognised)
{
    foreach (var token in unrecognised)
    {
        await Console.Error.WriteLineAsync($"aro-rp: unrecognised command or argument '{token}' (aro-rp --help lists them; settings are --Section:Key=value).");
    }

    return 1;
}

// Exceptions propagate so hosting (and WebApplicationFactory, which stops Main by throwing) sees them; a refused
// configuration is one line per problem, each naming the variable to set, and exit code 1.
try
{
    return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (StartupRefusal.Of(e) is { } refused)
{
    foreach (var problem in refused.Problems)
    {
        await Console.Error.WriteLineAsync($"aro-rp: {problem}");
    }

    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
