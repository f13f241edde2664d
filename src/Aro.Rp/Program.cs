using System.CommandLine;
using Aro.Rp.Commands;

var root = new RootCommand("aro-rp: the Azure Red Hat OpenShift resource provider.")
{
    TreatUnmatchedTokensAsErrors = false,
};
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ComponentCommand.Frontend());
root.Subcommands.Add(ComponentCommand.Backend());
root.Subcommands.Add(LocalCloudCommand.Create());
root.Subcommands.Add(DeadLettersCommand.Create());
root.SetAction(RunCommand.RunAsync);

// Exceptions propagate so hosting (and WebApplicationFactory, which stops Main by throwing) sees them.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
