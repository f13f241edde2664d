using System.Diagnostics;

namespace Aro.Consumers.Tests.Ignition;

/// <summary>Runs the real Ignition validator (Debian package <c>ignition</c>) over a config.</summary>
internal static class IgnitionValidator
{
    private static readonly string[] Candidates = ["/usr/bin/ignition-validate", "/usr/local/bin/ignition-validate"];

    /// <summary>Fails the test unless <c>ignition-validate</c> accepts the config without errors or warnings.</summary>
    public static async Task AssertValidAsync(byte[] config, string role)
    {
        var validator = Candidates.FirstOrDefault(File.Exists)
            ?? Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(directory => Path.Combine(directory, "ignition-validate")).FirstOrDefault(File.Exists);
        Assert.True(validator is not null, "ignition-validate is not installed: run `apt-get install -y ignition` (.ci/run and test.sh install it).");

        var path = Path.Combine(Path.GetTempPath(), $"aro-{role}-{Guid.NewGuid():N}.ign");
        await File.WriteAllBytesAsync(path, config);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(validator, [path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            var output = (await stdout + await stderr).Trim();

            Assert.True(process.ExitCode == 0 && output.Length == 0, $"ignition-validate rejected the {role} config (exit code {process.ExitCode}): {output}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
