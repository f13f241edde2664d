using Aro.Rp.Hosting;
using YamlDotNet.RepresentationModel;

namespace Aro.Rp.Tests.Hosting;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so its shape is checked: the distributed stack is
/// all there, every RP variable it sets is one the RP reads, and every role is an aro-rp command.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string[] Commands = ["run", "frontend", "backend", "local-cloud", "dead-letters"];

    [Fact]
    public void The_stack_has_the_broker_the_store_the_local_cloud_a_frontend_and_two_backends()
    {
        var services = Services();

        Assert.Contains("rabbitmq", services.Keys);
        Assert.Contains("cosmos", services.Keys);
        Assert.Equal(["local-cloud"], CommandsOf(services, "local-cloud"));
        Assert.Single(services, s => CommandsOf(services, s.Key).SequenceEqual(["frontend"]));
        Assert.Equal(2, services.Count(s => CommandsOf(services, s.Key).SequenceEqual(["backend"])));
    }

    [Fact]
    public void Every_RP_variable_it_sets_is_one_the_RP_reads()
    {
        var known = AroEnvironmentVariables.Names.ToHashSet(StringComparer.Ordinal);
        // The shared block the RP services merge in (<<: *rp-environment), and each service's own.
        var environments = Services()
            .Where(s => s.Value.Children.ContainsKey(new YamlScalarNode("environment")))
            .Select(s => (s.Key, (YamlMappingNode)s.Value.Children[new YamlScalarNode("environment")]))
            .Append(("x-rp-environment", (YamlMappingNode)Root().Children[new YamlScalarNode("x-rp-environment")]));

        foreach (var (name, environment) in environments)
        {
            var variables = environment.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).Where(v => v != "<<");
            Assert.All(variables, variable => Assert.True(known.Contains(variable), $"{name} sets {variable}, which aro-rp does not read (AroEnvironmentVariables)."));
        }

        foreach (var name in Services().Keys)
        {
            Assert.All(CommandsOf(Services(), name).Take(1), command => Assert.True(name is "rabbitmq" or "cosmos" || Commands.Contains(command), $"{name} runs '{command}', not an aro-rp command."));
        }
    }

    private static Dictionary<string, YamlMappingNode> Services() =>
        ((YamlMappingNode)Root().Children[new YamlScalarNode("services")]).Children
            .ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => (YamlMappingNode)entry.Value);

    private static YamlMappingNode Root()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IReadOnlyList<string> CommandsOf(Dictionary<string, YamlMappingNode> services, string name) =>
        services[name].Children.TryGetValue(new YamlScalarNode("command"), out var command)
            ? [.. ((YamlSequenceNode)command).Children.Cast<YamlScalarNode>().Select(c => c.Value!)]
            : [];
}
