namespace Aro.Infra.Tests;

/// <summary>
/// Every template and parameters file in infra/ builds and lints without a single diagnostic: infra/bicepconfig.json
/// raises the linter's rules to errors, and this test fails on the compiler's warnings too (an unknown property, a
/// wrong type), which is as far as templates can be checked without a subscription.
/// </summary>
public sealed class BicepTemplatesTests
{
    public static TheoryData<string> Templates() => Files("*.bicep");

    public static TheoryData<string> ParameterFiles() => Files("*.bicepparam");

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_builds_without_diagnostics(string file)
    {
        var result = BicepCli.Run("build", file, "--stdout");

        Assert.True(result.ExitCode == 0 && result.Error.Length == 0, $"bicep build {file}:\n{result.Error}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_lints_without_diagnostics(string file)
    {
        var result = BicepCli.Run("lint", file);

        Assert.True(result.ExitCode == 0 && result.Error.Length == 0 && result.Output.Length == 0, $"bicep lint {file}:\n{result.Error}{result.Output}");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Parameters_file_builds_against_its_template(string file)
    {
        var result = BicepCli.Run("build-params", file, "--stdout");

        Assert.True(result.ExitCode == 0 && result.Error.Length == 0, $"bicep build-params {file}:\n{result.Error}");
    }

    [Fact]
    public void There_is_a_development_parameters_file_for_the_main_template()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Infra, "main.dev.bicepparam")));
    }

    private static TheoryData<string> Files(string pattern) => [.. Directory
        .EnumerateFiles(RepositoryRoot.Infra, pattern, SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(RepositoryRoot.Infra, path))
        .Order(StringComparer.Ordinal)];
}
