using System.Runtime.InteropServices;

namespace Aro.Benchmarks;

/// <summary>
/// Serves <see cref="ReadPathBenchmarks"/>' two apps (the RP's frontend, the bare Kestrel app) until the process is told
/// to stop, so that a load generator with many connections (wrk, as issue 16 measured) can compare their rates.
/// </summary>
internal static class ReadPathServer
{
    public static async Task ServeAsync()
    {
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var apps = new ReadPathBenchmarks();
        await apps.SetupAsync();
        try
        {
            foreach (var (name, url) in apps.Urls)
            {
                Console.WriteLine($"{name} {url}");
            }

            await Console.Out.FlushAsync();
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Told to stop: clean up below.
        }
        finally
        {
            await apps.CleanupAsync();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
