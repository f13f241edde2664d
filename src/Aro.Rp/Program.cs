using System.CommandLine;
using Aro.Rp.Commands;
using Aro.Rp.Hosting;
using Microsoft.Extensions.Options;

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

// Exceptions propagate so hosting (and WebApplicationFactory, which stops Main by throwing) sees them; a refused
// configuration is one line naming what to set, and exit code 1.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is StartupRefusedException or OptionsValidationException)
{
    var lines = e is OptionsValidationException validation ? validation.Failures : [e.Message];
    foreach (var line in lines)
    {
        await Console.Error.WriteLineAsync($"aro-rp: {line}");
    }

    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
