using System.CommandLine;
using Aro.Rp.Hosting;
using Aro.Rp.Operators;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp admin kubeconfig &lt;cluster resource id&gt; [--output file]</c>: a cluster's admin kubeconfig through the
/// RP's admin API (listAdminCredentials), with the admin client certificate, to standard output or to a file only its
/// owner can read.
/// </summary>
internal static class AdminCommand
{
    private static readonly Argument<string> ResourceIdArgument = new("resource-id") { Description = "The cluster's ARM resource id." };
    private static readonly Option<FileInfo> OutputOption = new("--output", "-o") { Description = "Write the kubeconfig to this file (mode 600) instead of standard output." };

    public static Command Create()
    {
        var command = new Command("admin", CommandHelp.WithEnvironment(
            "Call the RP's admin API with the admin client certificate.",
            AroEnvironmentVariables.For("AdminClient")));
        var kubeconfig = new Command("kubeconfig", "A cluster's admin kubeconfig (listAdminCredentials), to standard output or --output.") { ResourceIdArgument, OutputOption };
        kubeconfig.SetAction((parseResult, cancellationToken) => KubeconfigAsync(
            AroConfiguration.Build([.. parseResult.UnmatchedTokens]),
            parseResult.GetRequiredValue(ResourceIdArgument),
            parseResult.GetValue(OutputOption)?.FullName,
            Console.OpenStandardOutput(),
            Console.Error,
            cancellationToken));
        command.Subcommands.Add(kubeconfig);
        return command;
    }

    public static Task<int> KubeconfigAsync(IConfiguration configuration, string resourceId, string? outputPath, Stream standardOutput, TextWriter error, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync(error, async () =>
        {
            using var client = AdminApiClient.Create(configuration);
            var kubeconfig = await client.ListAdminKubeconfigAsync(resourceId, cancellationToken);
            if (outputPath is null)
            {
                await standardOutput.WriteAsync(kubeconfig, cancellationToken);
                await standardOutput.FlushAsync(cancellationToken);
                return 0;
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                await using (var file = new FileStream(outputPath, options))
                {
                    await file.WriteAsync(kubeconfig, cancellationToken);
                }

                // An existing file keeps its mode on open: it holds cluster-admin credentials, so set it.
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(outputPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OperatorCommandException($"cannot write {outputPath}: {e.Message}");
            }

            await error.WriteLineAsync($"Wrote the admin kubeconfig of {resourceId} to {outputPath}.");
            return 0;
        });
}
