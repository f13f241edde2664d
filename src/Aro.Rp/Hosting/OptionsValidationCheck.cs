using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Hosting;

/// <summary>
/// Runs every options validation registered with ValidateOnStart at once and returns all their failures, each in
/// terms of the environment variable an operator sets, instead of the host stopping at start with the first.
/// </summary>
internal static partial class OptionsValidationCheck
{
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException validation)
        {
            return [.. Described(validation)];
        }
        catch (AggregateException aggregate)
        {
            return [.. aggregate.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException validation ? Described(validation) : [OneLine(e.Message)])];
        }
        catch (InvalidOperationException binding)
        {
            // ConfigurationValueCheck finds unconvertible values first; this is the binder's own word for what it missed.
            return [OneLine(binding.Message)];
        }
    }

    private static IEnumerable<string> Described(OptionsValidationException validation) =>
        validation.Failures.Select(failure => OneLine(DataAnnotationFailure().Match(failure) is { Success: true } match
            ? DescribeDataAnnotation(match)
            : failure));

    // "DataAnnotation validation failed for 'RpOptions' members: 'ListenUrl' with the error: '...'." names a type and a
    // member; the operator knows neither, only the variable that sets it.
    private static string DescribeDataAnnotation(Match match)
    {
        var error = match.Groups["error"].Value;
        if (BoundOptionSections.SectionOf(match.Groups["type"].Value) is not { } section)
        {
            return error;
        }

        var variable = AroEnvironmentVariables.NameOf($"{section}:{match.Groups["member"].Value}");
        return error.Contains(variable, StringComparison.Ordinal) ? error : $"{variable}: {error}";
    }

    private static string OneLine(string message) => AroEnvironmentVariables.InTermsOfVariables(message).ReplaceLineEndings(" ");

    [GeneratedRegex(@"^DataAnnotation validation failed for '(?<type>\w+)' members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
