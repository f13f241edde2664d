using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Aro.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to ARM JSON, as Azure receives it: the resources of every module (nested deployment),
/// each with the variables of the template it is declared in, so a resource looped over a literal list can be read.
/// </summary>
internal sealed partial class CompiledTemplate
{
    private CompiledTemplate(JsonObject root)
    {
        Resources = [.. ResourcesOf(root)];
    }

    public static CompiledTemplate Main { get; } = Build("main.bicep");

    public IReadOnlyList<TemplateResource> Resources { get; }

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public TemplateResource Single(string type) => Assert.Single(OfType(type));

    private static CompiledTemplate Build(string file)
    {
        var result = BicepCli.Run("build", file, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {file} failed:\n{result.Error}");
        }

        return new CompiledTemplate(JsonNode.Parse(result.Output)!.AsObject());
    }

    private static IEnumerable<TemplateResource> ResourcesOf(JsonObject template)
    {
        var variables = template["variables"] as JsonObject ?? [];
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject symbolic => symbolic.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var type = (string)resource["type"]!;
            yield return new TemplateResource(type, resource, variables);
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>One resource and the variables in scope where it is declared.</summary>
    internal sealed partial record TemplateResource(string Type, JsonObject Json, JsonObject Variables)
    {
        /// <summary>The literal list a resource loop runs over: copy.count is [length(variables('name'))].</summary>
        public JsonArray LoopVariable()
        {
            var count = (string?)Json["copy"]?["count"] ?? throw new InvalidOperationException($"{Type} is not declared in a loop.");
            var match = LengthOfVariable().Match(count);
            Assert.True(match.Success, $"{Type} loops over '{count}', not over a variable.");
            return Variables[match.Groups[1].Value] as JsonArray
                ?? throw new InvalidOperationException($"{Type} loops over variable '{match.Groups[1].Value}', which is not a literal list.");
        }

        [GeneratedRegex(@"^\[length\(variables\('([^']+)'\)\)\]$")]
        private static partial Regex LengthOfVariable();
    }
}
