using System.CommandLine;
using System.Text.RegularExpressions;

namespace Aro.Rp.Commands;

/// <summary>
/// What the command line may carry besides commands and their options: configuration settings, as
/// <c>--Section:Key=value</c> (for example <c>--Messaging:Transport=rabbitmq</c>), which win over the environment.
/// Anything else System.CommandLine did not recognise is an error, not something to start the RP with.
/// </summary>
internal static partial class CommandLineSettings
{
    /// <summary>The settings among the tokens no command or option took.</summary>
    public static string[] Of(ParseResult parseResult) => [.. parseResult.UnmatchedTokens.Where(IsSetting)];

    /// <summary>The tokens that are neither a command, an option nor a setting.</summary>
    public static IReadOnlyList<string> Unrecognised(ParseResult parseResult) => [.. parseResult.UnmatchedTokens.Where(token => !IsSetting(token))];

    private static bool IsSetting(string token) => Setting().IsMatch(token);

    [GeneratedRegex(@"^--[A-Za-z][^=:\s]*(:[^=:\s]+)+=", RegexOptions.CultureInvariant)]
    private static partial Regex Setting();
}
