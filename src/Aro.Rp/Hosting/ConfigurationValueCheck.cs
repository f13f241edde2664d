using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Aro.Rp.Hosting;

/// <summary>
/// Every setting whose value cannot become the type its option has, found before anything binds it: the binder would
/// stop the host at the first one, with a stack trace. A duration given as a bare number is refused too, because
/// .NET reads ARO_STEP_TIMEOUT=10 as ten days, which is never what was meant.
/// </summary>
internal static partial class ConfigurationValueCheck
{
    /// <summary>The key of each unusable setting and the one line that says what is wrong with it, naming its variable.</summary>
    public static IReadOnlyList<(string Key, string Problem)> Problems(IConfiguration configuration)
    {
        var problems = new List<(string Key, string Problem)>();
        foreach (var (section, options) in BoundOptionSections.All)
        {
            CheckProperties(configuration.GetSection(section), options, problems);
        }

        return problems;
    }

    private static void CheckProperties(IConfigurationSection section, Type type, List<(string Key, string Problem)> problems)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && (property.CanWrite || IsOptionsClass(property.PropertyType)))
            {
                Check(section.GetSection(property.Name), property.PropertyType, problems);
            }
        }
    }

    private static void Check(IConfigurationSection setting, Type type, List<(string Key, string Problem)> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(target))
        {
            if (setting.Value is { Length: > 0 } value && Refusal(value, target) is { } refusal)
            {
                problems.Add((setting.Path, $"{AroEnvironmentVariables.NameOf(setting.Path)}={Shown(value)} {refusal}"));
            }
        }
        else if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Dictionary<,>) && target.GetGenericArguments()[0] == typeof(string))
        {
            foreach (var entry in setting.GetChildren())
            {
                Check(entry, target.GetGenericArguments()[1], problems);
            }
        }
        else if (IsOptionsClass(target))
        {
            CheckProperties(setting, target, problems);
        }
    }

    /// <summary>Why <paramref name="value"/> cannot be a <paramref name="type"/>, or null when it can.</summary>
    private static string? Refusal(string value, Type type)
    {
        if (type == typeof(TimeSpan) && BareNumber().IsMatch(value))
        {
            return "is a bare number, which .NET reads as days: write a duration as [d.]hh:mm:ss (00:00:30 is 30 seconds, 00:10:00 ten minutes).";
        }

        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return type == typeof(TimeSpan) ? "is not a duration: write [d.]hh:mm:ss (00:00:30 is 30 seconds, 00:10:00 ten minutes)."
                : type == typeof(bool) ? "is not true or false."
                : type.IsEnum ? $"is not one of {string.Join(", ", Enum.GetNames(type))}."
                : $"is not a valid {Described(type)}.";
        }
    }

    private static string Described(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte => "whole number",
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "number",
        _ => type.Name,
    };

    /// <summary>The value as typed, on one line and short: it is echoed so the operator sees what the RP read.</summary>
    private static string Shown(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..60] + "…";
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    // Only the RP's own settings classes are walked: framework types (certificates, collections) bind differently.
    private static bool IsOptionsClass(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Aro.", StringComparison.Ordinal) == true && !typeof(IEnumerable).IsAssignableFrom(type);

    [GeneratedRegex(@"^\s*[+-]?\d+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();
}
