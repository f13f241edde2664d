using Aro.Rp.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Tests.Hosting;

// Environment variables are process-wide: these tests must not run alongside each other.
[Collection(nameof(EnvironmentVariableCollection))]
public sealed class AroEnvironmentVariablesTests
{
    [Fact]
    public void Documented_variables_land_in_their_configuration_sections()
    {
        using var _ = new EnvironmentVariableScope(new()
        {
            ["LOCATION"] = "westeurope",
            ["DOMAIN"] = "aro.example.com",
            ["RP_MODE"] = "production",
            ["ARO_DATA_DIR"] = "/var/lib/aro",
            ["ARO_LISTEN_URL"] = "https://0.0.0.0:9443",
            ["ARO_LOG_LEVEL"] = "Debug",
            ["ARO_ASYNC_OPERATION_RETENTION_DAYS"] = "3",
        });

        var configuration = new ConfigurationBuilder().AddAroEnvironmentVariables().Build();

        Assert.Equal("westeurope", configuration["Frontend:Location"]);
        Assert.Equal("aro.example.com", configuration["Frontend:Domain"]);
        Assert.Equal("production", configuration["Rp:Mode"]);
        Assert.Equal("/var/lib/aro", configuration["Rp:DataDirectory"]);
        Assert.Equal("https://0.0.0.0:9443", configuration["Rp:ListenUrl"]);
        Assert.Equal("Debug", configuration["Serilog:MinimumLevel:Default"]);
        // The frontend stops answering for an operation exactly when the backend may delete its record.
        Assert.Equal("3", configuration["Frontend:AsyncOperationRetentionDays"]);
        Assert.Equal("3", configuration["Backend:AsyncOperationRetentionDays"]);
    }

    [Fact]
    public void Unset_variables_leave_the_defaults_alone()
    {
        using var _ = new EnvironmentVariableScope(new() { ["LOCATION"] = null, ["ARO_DATA_DIR"] = "" });

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Frontend:Location"] = "eastus" })
            .AddAroEnvironmentVariables()
            .Build();

        Assert.Equal("eastus", configuration["Frontend:Location"]);
        Assert.Null(configuration["Rp:DataDirectory"]);
    }

    [Fact]
    public void Every_documented_variable_is_in_env_example()
    {
        var example = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "env.example"));

        Assert.All(AroEnvironmentVariables.Names, name => Assert.Contains(name + "=", example));
    }
}
