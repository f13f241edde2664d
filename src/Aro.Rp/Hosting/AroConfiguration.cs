namespace Aro.Rp.Hosting;

/// <summary>
/// The one order every <c>aro-rp</c> command reads its settings in, later sources winning: appsettings.json, then
/// environment variables (the configuration-key form, <c>Messaging__Transport</c>, then the documented ones,
/// <c>ARO_TRANSPORT</c>), then the command line (<c>--Messaging:Transport=rabbitmq</c>). docs/operations.md says the same.
/// </summary>
internal static class AroConfiguration
{
    /// <summary>The sources above <c>appsettings.json</c>, in their order; a host that already read some adds them again so the order holds.</summary>
    public static IConfigurationBuilder AddAroSources(this IConfigurationBuilder configuration, string[] args) =>
        configuration
            .AddEnvironmentVariables()
            .AddAroEnvironmentVariables()
            .AddCommandLine(args);

    /// <summary>Settings for a command that runs no web host (dead-letters, local-cloud).</summary>
    public static IConfiguration Build(string[] args) =>
        new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddAroSources(args)
            .Build();
}
