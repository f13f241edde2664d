using System.Diagnostics;
using Aro.LocalCloud;
using Aro.Messaging.ServiceBus;
using Aro.Rp.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Tests.Hosting;

/// <summary>Which namespace ARO_TRANSPORT=servicebus uses, and the one line a production RP without one exits with.</summary>
public sealed class ServiceBusSelectionTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aro-servicebus-selection-").FullName;

    [Theory]
    [InlineData("")]
    [InlineData("frontend")]
    [InlineData("backend")]
    public async Task Production_without_a_namespace_or_connection_string_exits_1_with_one_line_naming_both(string command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aro-rp.dll"));
        if (command.Length > 0)
        {
            start.ArgumentList.Add(command);
        }

        start.Environment["RP_MODE"] = "production";
        start.Environment["ARO_TRANSPORT"] = "servicebus";
        start.Environment["ARO_DATA_DIR"] = _dataDirectory;
        foreach (var variable in ServiceBusEnvironmentVariables.ConfigurationKeys.Keys)
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        // Every configuration problem is reported at once (production also wants DOMAIN, LOCATION, ...): one line each,
        // and exactly one of them about Service Bus.
        Assert.Equal(1, process.ExitCode);
        var lines = (await standardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, each => Assert.StartsWith("aro-rp: ", each, StringComparison.Ordinal));
        var line = Assert.Single(lines, each => each.Contains("ARO_SERVICEBUS", StringComparison.Ordinal));
        Assert.Contains("ARO_SERVICEBUS_NAMESPACE", line, StringComparison.Ordinal);
        Assert.Contains("ARO_SERVICEBUS_CONNECTION_STRING", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_development_backend_without_settings_uses_the_Service_Bus_of_aro_rp_local_cloud()
    {
        var options = ServiceBusOptions(
            ("Rp:Components", "backend"),
            ("LocalCloud:ServiceBus:Port", "5682"),
            ("LocalCloud:ServiceBus:AdministrationPort", "5300"));

        Assert.StartsWith("Endpoint=sb://localhost:5682;", options.ConnectionString, StringComparison.Ordinal);
        Assert.StartsWith("Endpoint=sb://localhost:5300;", options.AdministrationConnectionString, StringComparison.Ordinal);
        Assert.True(options.CreateTopology);
        Assert.Null(ServiceBusTransportOptionsValidator.Validate(options));
    }

    [Fact]
    public void The_all_in_one_development_RP_fixes_the_embedded_Service_Bus_ports_and_connects_to_them()
    {
        using var services = Services(("Rp:Components", "all"));

        var options = services.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
        var localCloud = services.GetRequiredService<IOptions<LocalCloudOptions>>().Value.ServiceBus;

        Assert.NotEqual(0, localCloud.Port);
        Assert.NotEqual(0, localCloud.AdministrationPort);
        Assert.Equal(localCloud.ConnectionString(localCloud.Port), options.ConnectionString);
        Assert.Equal(localCloud.ConnectionString(localCloud.AdministrationPort), options.AdministrationConnectionString);
        Assert.True(options.CreateTopology);
    }

    [Fact]
    public void A_namespace_is_used_as_given_and_production_creates_no_entities()
    {
        var options = ServiceBusOptions(("Rp:Mode", "production"), ("Messaging:ServiceBus:Namespace", "contoso.servicebus.windows.net"));

        Assert.Equal("contoso.servicebus.windows.net", options.Namespace);
        Assert.Null(options.ConnectionString);
        Assert.False(options.CreateTopology);
    }

    [Fact]
    public void An_explicit_topology_setting_wins_over_the_mode()
    {
        var options = ServiceBusOptions(
            ("Rp:Mode", "production"),
            ("Messaging:ServiceBus:Namespace", "contoso.servicebus.windows.net"),
            ("Messaging:ServiceBus:CreateTopology", "true"));

        Assert.True(options.CreateTopology);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static ServiceBusTransportOptions ServiceBusOptions(params (string Key, string Value)[] settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Messaging:Transport", "servicebus"), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<RpOptions>().Bind(configuration.GetSection(RpOptions.SectionName));
        services.AddOptions<LocalCloudOptions>().Bind(configuration.GetSection(LocalCloudOptions.SectionName));
        services.AddAroServiceBusSelection(configuration);
        new ServiceBusTransport().AddOptions(services, configuration.GetSection("Messaging"));
        return services.BuildServiceProvider();
    }
}
