namespace Aro.Rp.Commands;

/// <summary>A command's help text followed by the environment variables it reads, so --help shows what to set.</summary>
internal static class CommandHelp
{
    public static string WithEnvironment(string description, IEnumerable<string> variables) =>
        $"{description}{Environment.NewLine}Environment (env.example): {string.Join(", ", variables)}.";
}
