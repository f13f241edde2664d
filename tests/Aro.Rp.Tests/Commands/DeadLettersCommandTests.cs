using Aro.Rp.Commands;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Tests.Commands;

/// <summary>What <c>aro-rp dead-letters</c> answers before it reaches a broker (the broker tests are in Messaging and EndToEnd).</summary>
public sealed class DeadLettersCommandTests
{
    [Fact]
    public async Task Without_a_broker_transport_it_names_both_brokers_and_exits_2()
    {
        var (exitCode, output) = await RunAsync(("Messaging:Transport", "inmemory"));

        Assert.Equal(2, exitCode);
        Assert.Contains("ARO_TRANSPORT=rabbitmq", output, StringComparison.Ordinal);
        Assert.Contains("ARO_TRANSPORT=servicebus", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Service_Bus_without_a_namespace_it_names_the_settings_and_exits_2()
    {
        var (exitCode, output) = await RunAsync(("Messaging:Transport", "servicebus"), ("Rp:Mode", "production"));

        Assert.Equal(2, exitCode);
        Assert.Contains("ARO_SERVICEBUS_NAMESPACE", output, StringComparison.Ordinal);
        Assert.Contains("ARO_SERVICEBUS_CONNECTION_STRING", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var output = new StringWriter();
        var exitCode = await DeadLettersCommand.RunAsync(configuration, "list", queue: null, messageId: null, confirmed: false, output, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
