using System.Reflection;
using System.Text.RegularExpressions;

namespace Aro.Frontend.Tests.HostileInput;

/// <summary>
/// .NET's <c>$</c> also matches before a final newline, so a name check written with it lets <c>"name\n"</c>
/// through. Every pattern in the RP's assemblies must end on <c>\z</c> instead; this finds them all.
/// </summary>
public sealed class GeneratedRegexAnchoringTests
{
    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var pattern in RpAssemblies().SelectMany(GeneratedPatterns))
        {
            data.Add(pattern);
        }

        return data;
    }

    [Fact]
    public void The_search_finds_the_name_and_id_patterns() =>
        Assert.True(RpAssemblies().SelectMany(GeneratedPatterns).Count() >= 6, "expected the resource name, domain, resource group id and subnet id patterns");

    [Theory]
    [MemberData(nameof(Patterns))]
    public void No_pattern_ends_on_dollar(string pattern) =>
        Assert.DoesNotMatch(@"(?<!\\)\$", pattern);

    private static IEnumerable<Assembly> RpAssemblies() =>
        new[] { typeof(Aro.Api.CloudError).Assembly, typeof(FrontendApplicationBuilderExtensions).Assembly, typeof(Aro.Persistence.PersistenceOptions).Assembly }
            .Distinct();

    private static IEnumerable<string> GeneratedPatterns(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<GeneratedRegexAttribute>())
            .OfType<GeneratedRegexAttribute>()
            .Select(a => a.Pattern);
}
