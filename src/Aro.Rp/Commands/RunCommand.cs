using System.CommandLine;
using Aro.Rp.Hosting;

namespace Aro.Rp.Commands;

/// <summary><c>aro-rp run</c> (and plain <c>aro-rp</c>): everything in one process on embedded defaults.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", CommandHelp.WithEnvironment(
            "Run the whole RP in one process: frontend on https://localhost:8443, SQLite store, in-memory bus.",
            AroEnvironmentVariables.Names));
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        // Anything System.CommandLine did not recognise goes to ASP.NET Core (e.g. --urls, --environment).
        var app = RpApplication.Build(CommandLineSettings.Of(parseResult));
        await RpApplication.RunAsync(app, cancellationToken);
        return 0;
    }
}
