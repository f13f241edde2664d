using Microsoft.Data.Sqlite;

namespace Aro.Rp.Operators;

/// <summary>
/// What every operator command does with a failure it can explain: one line on standard error, exit code 1, no stack
/// trace. A store that cannot be read is explained the same way.
/// </summary>
internal static class OperatorCommand
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (OperatorCommandException e)
        {
            await error.WriteLineAsync($"aro-rp: {e.Message}");
        }
        catch (Exception e) when (e is SqliteException or Microsoft.Azure.Cosmos.CosmosException or HttpRequestException)
        {
            await error.WriteLineAsync($"aro-rp: the store could not be read ({FirstLine(e.Message)}). Check ARO_STORE, ARO_DATA_DIR and ARO_COSMOS_*.");
        }

        return 1;
    }

    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
