using System.CommandLine;
using System.Text.RegularExpressions;

namespace Aro.Rp.Commands;

/// <summary>
/// What the command line may carry besides commands and their options: configuration settings, as
/// <c>--Section:Key=value</c> (for example <c>--Messaging:Transport=rabbitmq</c>), which win over the environment.
/// Any <c>--key=value</c> is a setting, as .NET's command-line configuration reads it: the generic host's own
/// (<c>--environment=</c>, <c>--contentRoot=</c>) and the bare sections WebApplicationFactory passes (<c>--Rp=</c>).
/// Anything else System.CommandLine did not recognise (a word, <c>--flag</c>) is an error, not something to start the RP with.
/// </summary>
internal static partial class CommandLineSettings
{
    /// <summary>The settings among the tokens no command or option took.</summary>
    public static string[] Of(ParseResult parseResult) => [.. parseResult.UnmatchedTokens.Where(IsSetting)];

    /// <summary>The tokens that are neither a command, an option nor a setting.</summary>
    public static IReadOnlyList<string> Unrecognised(ParseResult parseResult) => [.. parseResult.UnmatchedTokens.Where(token => !IsSetting(token))];

    private static bool IsSetting(string token) => Setting().IsMatch(token);

    [GeneratedRegex(@"^--[A-Za-z][^=\s]*=", RegexOptions.CultureInvariant)]
    private static partial Regex Setting();
}
