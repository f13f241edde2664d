using System.CommandLine;
using Aro.Rp.Hosting;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp frontend</c> and <c>aro-rp backend</c>: one half of the RP per process, so several of each can run
/// over a shared broker and store. Same host as <c>aro-rp run</c>, with <c>Rp:Components</c> set.
/// </summary>
internal static class ComponentCommand
{
    public static Command Frontend() => Create(
        "frontend",
        "Run only the ARM frontend: validates, records and publishes requests. Needs a shared broker and store (ARO_TRANSPORT, ARO_STORE).",
        AroEnvironmentVariables.For("Rp", "Frontend", "ArmAuthentication", "AdminAuthentication", "Persistence", "Messaging", "Serilog"));

    public static Command Backend() => Create(
        "backend",
        "Run only the backend: the lifecycle saga, the step consumers and the reconciler. Several may run at once; they share the work.",
        AroEnvironmentVariables.For("Rp", "Backend", "Orchestration", "Cloud", "Persistence", "Messaging", "Serilog"));

    private static Command Create(string component, string description, IEnumerable<string> variables)
    {
        var command = new Command(component, CommandHelp.WithEnvironment(description, variables));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Command-line settings win over the environment; this one names what the process runs.
            var app = RpApplication.Build([.. CommandLineSettings.Of(parseResult), $"--{RpOptions.SectionName}:{nameof(RpOptions.Components)}={component}"]);
            await RpApplication.RunAsync(app, cancellationToken);
            return 0;
        });
        return command;
    }
}
