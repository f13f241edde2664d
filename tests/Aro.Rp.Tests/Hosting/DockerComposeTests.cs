using System.Text.RegularExpressions;
using Aro.Rp.Hosting;
using YamlDotNet.Core;
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
        var known = AroEnvironmentVariables.Names.Concat(RoleRuntimeSettings.Backend.Keys).ToHashSet(StringComparer.Ordinal);
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

    [Fact]
    public void Every_backend_gets_the_backends_runtime_settings_and_the_frontend_none()
    {
        var services = Services();
        foreach (var (name, _) in services.Where(s => CommandsOf(services, s.Key) is ["backend"] or ["frontend"]))
        {
            var environment = Environment(services, name);
            var backend = CommandsOf(services, name) is ["backend"];
            Assert.All(RoleRuntimeSettings.Backend, setting =>
            {
                if (backend)
                {
                    Assert.Equal(setting.Value, environment.GetValueOrDefault(setting.Key));
                }
                else
                {
                    Assert.DoesNotContain(setting.Key, environment.Keys);
                }
            });
        }
    }

    [Fact]
    public void Every_service_restarts_and_says_when_it_is_healthy()
    {
        foreach (var (name, service) in Services())
        {
            Assert.True(service.Children.TryGetValue(new YamlScalarNode("restart"), out var restart), $"{name} has no restart policy.");
            Assert.Equal("unless-stopped", ((YamlScalarNode)restart).Value);
            Assert.True(service.Children.TryGetValue(new YamlScalarNode("healthcheck"), out var healthcheck), $"{name} has no healthcheck.");
            Assert.True(((YamlMappingNode)healthcheck).Children.ContainsKey(new YamlScalarNode("test")), $"{name}'s healthcheck has no test.");
        }
    }

    [Fact]
    public void An_RP_role_is_checked_on_the_port_it_listens_on()
    {
        foreach (var (name, service) in Services().Where(s => s.Key is not ("rabbitmq" or "cosmos")))
        {
            var environment = (YamlMappingNode)service.Children[new YamlScalarNode("environment")];
            var url = environment.Children.TryGetValue(new YamlScalarNode("ARO_LISTEN_URL"), out var listen) ? listen : environment.Children[new YamlScalarNode("ARO_LOCAL_CLOUD_URL")];
            var port = new Uri(((YamlScalarNode)url).Value!).Port;
            var test = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)service.Children[new YamlScalarNode("healthcheck")]).Children[new YamlScalarNode("test")]).Children.Cast<YamlScalarNode>().Select(n => n.Value));

            Assert.EndsWith($"/dev/tcp/127.0.0.1/{port}", test);
        }
    }

    [Fact]
    public void Every_RP_role_starts_once_what_it_depends_on_is_healthy()
    {
        var services = Services();
        foreach (var (name, service) in services.Where(s => s.Value.Children.ContainsKey(new YamlScalarNode("depends_on"))))
        {
            var dependencies = Assert.IsType<YamlMappingNode>(service.Children[new YamlScalarNode("depends_on")]);
            Assert.All(dependencies.Children, dependency =>
            {
                Assert.Contains(((YamlScalarNode)dependency.Key).Value!, services.Keys);
                Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)dependency.Value).Children[new YamlScalarNode("condition")]).Value);
            });
        }

        Assert.All(new[] { "frontend", "backend-1", "backend-2" }, role =>
            Assert.Equal(["cosmos", "local-cloud", "rabbitmq"], ((YamlMappingNode)services[role].Children[new YamlScalarNode("depends_on")]).Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).Order()));
    }

    [Fact]
    public void The_Cosmos_DB_test_server_is_built_into_an_image_with_the_version_the_tests_use()
    {
        var cosmos = Services()["cosmos"];
        Assert.False(cosmos.Children.ContainsKey(new YamlScalarNode("command")), "cosmos must not download its server at every start (npx).");
        var context = ((YamlScalarNode)cosmos.Children[new YamlScalarNode("build")]).Value!;
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, context, "Dockerfile"));
        var testScript = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "test.sh"));

        var version = Regex.Match(testScript, @"@vercel/cosmosdb-server@([0-9.]+)").Groups[1].Value;
        Assert.Contains($"npm install --global --no-audit --no-fund @vercel/cosmosdb-server@{version}", dockerfile);
    }

    [Fact]
    public void The_image_creates_every_directory_a_volume_is_mounted_on_and_the_app_user_owns_it()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile"));
        var created = Regex.Matches(dockerfile, @"mkdir -p ([^&\n]+)").SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var owned = Regex.Matches(dockerfile, @"chown -R app:app (\S+)").Select(m => m.Groups[1].Value).ToList();
        var mountPoints = Services()
            .Where(s => s.Value.Children.TryGetValue(new YamlScalarNode("image"), out var image) && ((YamlScalarNode)image).Value == "aro-rp:dev")
            .SelectMany(s => s.Value.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) ? ((YamlSequenceNode)volumes).Children : [])
            .Select(volume => ((YamlScalarNode)volume).Value!.Split(':')[1])
            .Distinct()
            .ToList();

        Assert.NotEmpty(mountPoints);
        Assert.All(mountPoints, mountPoint =>
        {
            Assert.Contains(created, path => path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal));
            Assert.Contains(owned, root => mountPoint == root || mountPoint.StartsWith(root + "/", StringComparison.Ordinal));
        });
        Assert.Matches(@"(?m)^USER app\s*$", dockerfile);
    }

    [Fact]
    public void The_Service_Bus_file_moves_every_RP_role_to_the_Service_Bus_the_local_cloud_serves_to_the_other_containers()
    {
        var overlay = Services("docker-compose.servicebus.yml");
        var localCloud = Environment(overlay, "local-cloud");
        var baseLocalCloud = Environment(Services(), "local-cloud");
        // The local Service Bus listens where the local cloud does: every interface, so the other containers reach it.
        Assert.Equal("0.0.0.0", new Uri(baseLocalCloud["ARO_LOCAL_CLOUD_URL"]).Host);
        var host = localCloud["ARO_LOCAL_CLOUD_SERVICEBUS_HOST"];
        Assert.Equal("local-cloud", host);
        var known = AroEnvironmentVariables.Names.ToHashSet(StringComparer.Ordinal);
        Assert.All(localCloud.Keys, variable => Assert.Contains(variable, known));

        var roles = Services().Where(s => CommandsOf(Services(), s.Key) is ["frontend"] or ["backend"]).Select(s => s.Key).ToList();
        Assert.Equal(roles.Order(), overlay.Keys.Where(name => name != "local-cloud").Order());
        foreach (var role in roles)
        {
            var environment = Environment(overlay, role);
            Assert.All(environment.Keys, variable => Assert.Contains(variable, known));
            Assert.Equal("servicebus", environment["ARO_TRANSPORT"]);
            Assert.StartsWith($"Endpoint=sb://{host}:{localCloud["ARO_LOCAL_CLOUD_SERVICEBUS_PORT"]};", environment["ARO_SERVICEBUS_CONNECTION_STRING"], StringComparison.Ordinal);
            Assert.StartsWith($"Endpoint=sb://{host}:{localCloud["ARO_LOCAL_CLOUD_SERVICEBUS_ADMIN_PORT"]};", environment["ARO_SERVICEBUS_ADMINISTRATION_CONNECTION_STRING"], StringComparison.Ordinal);
            Assert.Contains($"SharedAccessKey={new Aro.LocalCloud.ServiceBus.LocalServiceBusOptions().Key};", environment["ARO_SERVICEBUS_CONNECTION_STRING"], StringComparison.Ordinal);
        }

        Assert.Contains("docker-compose -f docker-compose.yml -f docker-compose.servicebus.yml config -q", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "test.sh")), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(Dictionary<string, YamlMappingNode> services, string name) =>
        ((YamlMappingNode)services[name].Children[new YamlScalarNode("environment")]).Children
            .Where(entry => ((YamlScalarNode)entry.Key).Value != "<<")
            .ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => ((YamlScalarNode)entry.Value).Value!);

    private static Dictionary<string, YamlMappingNode> Services(string file = "docker-compose.yml") =>
        ((YamlMappingNode)Root(file).Children[new YamlScalarNode("services")]).Children
            .ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => (YamlMappingNode)entry.Value);

    private static YamlMappingNode Root(string file = "docker-compose.yml")
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, file));
        // Resolves the <<: merge keys, so a service reads as docker-compose sees it.
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IReadOnlyList<string> CommandsOf(Dictionary<string, YamlMappingNode> services, string name) =>
        services[name].Children.TryGetValue(new YamlScalarNode("command"), out var command)
            ? [.. ((YamlSequenceNode)command).Children.Cast<YamlScalarNode>().Select(c => c.Value!)]
            : [];
}
