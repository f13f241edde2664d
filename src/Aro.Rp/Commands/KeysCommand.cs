using System.CommandLine;
using Aro.Persistence.Secrets;
using Aro.Rp.Hosting;
using Aro.Rp.Operators;
using Spectre.Console;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp keys rotate</c>: a new secret-sealing key, in the RP's key ring (ARO_DATA_DIR/keys) or, with ARO_KEYVAULT_URL,
/// as a new version of the Key Vault secret; then every stored cluster re-sealed with it, with a progress bar. Run again
/// after an interruption, it finishes the same rotation.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", CommandHelp.WithEnvironment(
            "The secret-sealing keys of the RP's store.",
            AroEnvironmentVariables.For("Persistence", "Rp:DataDirectory", "Rp:KeyVaultUrl", "AzureIdentity")));
        var rotate = new Command("rotate", "Add a sealing key and re-seal every stored secret with it (resumable: run it again after an interruption).");
        rotate.SetAction((parseResult, cancellationToken) =>
            RotateAsync(AroConfiguration.Build([.. parseResult.UnmatchedTokens]), AnsiConsole.Console, Console.Error, cancellationToken));
        command.Subcommands.Add(rotate);
        return command;
    }

    public static Task<int> RotateAsync(IConfiguration configuration, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync(error, async () =>
        {
            await using var keyVault = KeyVaultSealingKeySource.OpenConfigured(configuration);
            if (keyVault is null)
            {
                await using var fileStore = await OperatorStore.OpenAsync(configuration, cancellationToken);
                return await RotateAsync(fileStore, new FileSealingKeySource((FileSecretKeyRing)fileStore.KeyRing), console, cancellationToken);
            }

            await using var store = OperatorStore.Open(configuration, keyVault.KeyRing);
            return await RotateAsync(store, keyVault, console, cancellationToken);
        });

    private static async Task<int> RotateAsync(OperatorStore store, ISealingKeySource keys, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var rotation = new SealingKeyRotation(store, keys);
        var (keyId, resumed) = await rotation.BeginAsync(cancellationToken);
        console.MarkupLineInterpolated($"{(resumed ? "Resuming the rotation to" : "Added")} sealing key {keyId} in {keys.Location}.");
        var documents = await rotation.ListAsync(cancellationToken);
        var resealed = 0;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Re-sealing clusters", maxValue: Math.Max(documents.Count, 1));
                foreach (var document in documents)
                {
                    if (await rotation.ResealAsync(document, cancellationToken))
                    {
                        resealed++;
                    }

                    task.Increment(1);
                }

                task.Value = task.MaxValue;
            });
        await rotation.CompleteAsync(cancellationToken);
        console.MarkupLineInterpolated($"Re-sealed {resealed} cluster(s) with key {keyId} in {store.Description}. The running RP seals with it {keys.WhenTheRpSealsWithIt}.");
        return 0;
    }
}
