using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aro.Persistence;
using Aro.Rp.Hosting;

namespace Aro.Infra.Tests;

/// <summary>The environment variables infra/ sets on the RP's containers are ones the RP documents and reads.</summary>
public sealed class AppSettingsTests
{
    /// <summary>Read by Azure.Identity (which user-assigned identity to use) rather than by the RP's own settings.</summary>
    private static readonly string[] AzureSdkVariables = ["AZURE_CLIENT_ID"];

    [Fact]
    public void Every_variable_the_apps_set_is_one_the_rp_reads()
    {
        var known = AroEnvironmentVariables.Names.Concat(AzureSdkVariables).Concat(RoleRuntimeSettings.Backend.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.All(SettingNames(), name => Assert.Contains(name, known));
    }

    [Fact]
    public void The_backend_alone_gets_its_runtime_settings()
    {
        var backend = Containers().Single(container => (string?)container["args"]![0] == "backend");
        var frontend = Containers().Single(container => (string?)container["args"]![0] == "frontend");

        Assert.All(RoleRuntimeSettings.Backend, setting =>
        {
            Assert.Contains($"createObject('name', '{setting.Key}', 'value', '{setting.Value}')", (string)backend["env"]!, StringComparison.Ordinal);
            Assert.DoesNotContain(setting.Key, EnvironmentNames(frontend));
        });
        Assert.All(RoleRuntimeSettings.Backend.Keys, name => Assert.DoesNotContain(name, LiteralSettings().Keys));
    }

    [Fact]
    public void Both_apps_run_on_cosmos_db_with_containers_infra_created_and_their_own_identity()
    {
        var settings = LiteralSettings();

        Assert.Equal(PersistenceOptions.CosmosStore, settings["ARO_STORE"]);
        Assert.Equal("false", settings["ARO_COSMOS_CREATE_CONTAINERS"]);
        Assert.Equal("production", settings["RP_MODE"]);
        Assert.DoesNotContain("ARO_COSMOS_KEY", SettingNames());
        Assert.All(Containers(), container => Assert.Contains("AZURE_CLIENT_ID", EnvironmentNames(container)));
    }

    [Fact]
    public void One_app_runs_the_frontend_and_one_the_backend()
    {
        var commands = Containers().Select(container => string.Join(' ', container["args"]!.AsArray().Select(arg => (string)arg!)));

        Assert.Equal(["backend", "frontend"], commands.Order(StringComparer.Ordinal));
    }

    /// <summary>Names set in the apps module and the settings main.bicep hands it.</summary>
    private static IEnumerable<string> SettingNames() => Containers()
        .SelectMany(EnvironmentNames)
        .Concat(LiteralSettings().Keys)
        .Distinct();

    /// <summary>A container's env: a literal list, or concat(parameters, [entries]) whose entries' names are in the expression.</summary>
    private static IEnumerable<string> EnvironmentNames(JsonObject container) => container["env"] is JsonArray literal
        ? literal.Select(variable => (string)variable!["name"]!)
        : Regex.Matches((string)container["env"]!, @"createObject\('name', '([A-Za-z_]+)'").Select(match => match.Groups[1].Value);

    private static IEnumerable<JsonObject> Containers() => CompiledTemplate.Main.OfType("Microsoft.App/containerApps")
        .SelectMany(app => app.Json["properties"]!["template"]!["containers"]!.AsArray().Select(container => container!.AsObject()));

    /// <summary>main.bicep's sharedSettings and backendSettings, which it passes to the apps module as literal lists.</summary>
    private static Dictionary<string, string> LiteralSettings()
    {
        var apps = CompiledTemplate.Main.OfType("Microsoft.Resources/deployments")
            .Single(deployment => (string?)deployment.Json["name"] == "apps");
        var parameters = apps.Json["properties"]!["parameters"]!;
        return new[] { "sharedSettings", "backendSettings" }
            .SelectMany(name => parameters[name]!["value"]!.AsArray())
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!);
    }
}
