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

    [Fact]
    public async Task Show_without_a_broker_transport_is_one_line_and_exit_code_1()
    {
        var console = new TestConsole();

        var exitCode = await DeadLettersCommand.ShowAsync(Settings(("Messaging:Transport", "inmemory")), "m-1", queue: null, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Single(console.Error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ARO_TRANSPORT=rabbitmq", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", console.Output);
    }

    [Fact]
    public async Task With_the_broker_not_listening_show_and_list_say_so_in_one_line_and_exit_1()
    {
        // A port nothing listens on: the connection is refused at once.
        var settings = Settings(("Messaging:Transport", "rabbitmq"), ("Messaging:RabbitMq:Host", "127.0.0.1"), ("Messaging:RabbitMq:Port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var console = new TestConsole();

        var showExitCode = await DeadLettersCommand.ShowAsync(settings, "m-1", queue: null, console.Console, console.Error, CancellationToken.None);
        using var listed = new StringWriter();
        var listExitCode = await DeadLettersCommand.RunAsync(settings, "list", queue: null, messageId: null, confirmed: false, listed, CancellationToken.None);

        Assert.Equal(1, showExitCode);
        var line = Assert.Single(console.Error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aro-rp: the RabbitMQ broker could not be reached (", line, StringComparison.Ordinal);
        Assert.Contains("ARO_RABBITMQ_HOST", line, StringComparison.Ordinal);
        Assert.Equal(1, listExitCode);
        Assert.Single(listed.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ARO_RABBITMQ_HOST", listed.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

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
