using System.CommandLine;
using System.Runtime.InteropServices;
using Aro.LocalCloud;
using Aro.Rp.Hosting;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp local-cloud</c>: the local cloud emulator alone, for an RP started elsewhere with
/// <c>ARO_CLOUD_ENDPOINT</c> pointing at it (separate frontend and backend processes, docker-compose).
/// </summary>
internal static class LocalCloudCommand
{
    public static Command Create()
    {
        var command = new Command("local-cloud", "Run only the local cloud emulator (ARM, blobs, per-cluster Kubernetes) on ARO_LOCAL_CLOUD_URL (default https://localhost:8444).");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = AroConfiguration.Build([.. parseResult.UnmatchedTokens]);
        var options = configuration.GetSection(LocalCloudOptions.SectionName).Get<LocalCloudOptions>() ?? new LocalCloudOptions();
        var dataDirectory = configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.DataDirectory)}"] ?? new RpOptions().DataDirectory;
        options.DataDirectory ??= Path.Combine(dataDirectory, "localcloud");

        // Stop on Ctrl+C and on SIGTERM (docker stop, kill) alike, and shut the server down cleanly.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var server = await LocalCloudServer.StartAsync(options, stopping.Token);
        await Console.Out.WriteLineAsync($"Local cloud listening on {server.BaseAddress} (state in {Path.GetFullPath(options.DataDirectory)}). Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop listening and leave the state on disk.
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }
}
