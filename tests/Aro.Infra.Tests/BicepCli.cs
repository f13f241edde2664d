using System.Diagnostics;
using System.Reflection;

namespace Aro.Infra.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which restore downloads with this project
/// (a PackageDownload item); it runs offline and checks resource properties against Azure's API definitions.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Infra,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable.Value}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new BicepResult(process.ExitCode, output.Result, error.Result);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepPath").Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path}; restore tests/Aro.Infra.Tests (it downloads Azure.Bicep.CommandLine.linux-x64).");
        }

        // NuGet does not keep the package's executable bit everywhere.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}
