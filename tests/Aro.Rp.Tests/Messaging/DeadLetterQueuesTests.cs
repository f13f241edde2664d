using System.Text;
using Aro.Rp.Commands;
using Aro.Rp.Tests.Commands;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Aro.Rp.Tests.Messaging;

/// <summary>
/// <c>aro-rp dead-letters</c> against a real RabbitMQ: faulted messages as MassTransit leaves them in an error queue
/// (the fault headers), listed, requeued one by one without losing any, and purged only when confirmed.
/// </summary>
[Trait("Category", "RabbitMQ")]
public sealed class DeadLetterQueuesTests : IAsyncLifetime
{
    private const string Endpoint = "validate-network";
    private const string ErrorQueue = "validate-network_error";
    private RabbitMqVirtualHost _vhost = null!;
    private IConfiguration _settings = null!;
    private IConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqTestBroker.FromEnvironment().CreateVirtualHostAsync();
        _settings = new ConfigurationBuilder().AddInMemoryCollection(_vhost.RpSettings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        _connection = await new ConnectionFactory
        {
            HostName = _vhost.Broker.Host,
            Port = _vhost.Broker.Port,
            VirtualHost = _vhost.Name,
            UserName = _vhost.Broker.Username,
            Password = _vhost.Broker.Password,
        }.CreateConnectionAsync();
        // With confirmations each publish returns once the broker has the message, so every test starts with all three.
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync(Endpoint, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false);
        foreach (var id in new[] { "m-1", "m-2", "m-3" })
        {
            await channel.BasicPublishAsync(string.Empty, ErrorQueue, mandatory: true, Faulted(id), Encoding.UTF8.GetBytes($$"""{"messageId":"{{id}}"}"""));
        }
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _vhost.DisposeAsync();
    }

    [Fact]
    public async Task List_shows_id_type_time_and_reason_of_each_faulted_message()
    {
        var (exitCode, output) = await RunAsync("list");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("QUEUE", lines[0], StringComparison.Ordinal);
        Assert.Contains("validate-network_error  m-2         Aro.Contracts:ValidateNetwork  2026-01-02 03:04:05Z  The cloud did not answer (m-2).", output, StringComparison.Ordinal);
        Assert.Equal(3u, await MessageCountAsync(ErrorQueue));
    }

    [Fact]
    public async Task Show_prints_one_message_with_its_reason_exception_headers_and_indented_body_and_leaves_it_there()
    {
        var console = new TestConsole();

        var exitCode = await DeadLettersCommand.ShowAsync(_settings, "m-2", queue: null, console.Console, console.Error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal("", console.Error.ToString());
        var output = console.Output;
        Assert.Contains("validate-network_error", output, StringComparison.Ordinal);
        Assert.Contains("Aro.Contracts:ValidateNetwork", output, StringComparison.Ordinal);
        Assert.Contains("2026-01-02 03:04:05Z", output, StringComparison.Ordinal);
        Assert.Contains("Azure.RequestFailedException: The cloud did not answer (m-2).", output, StringComparison.Ordinal);
        Assert.Contains("at Aro.Consumers.Network.ValidateNetworkConsumer.Consume", output, StringComparison.Ordinal);
        Assert.Contains("Aro-Trace", output, StringComparison.Ordinal);
        Assert.Contains("MT-Fault-InputAddress", output, StringComparison.Ordinal);
        Assert.Contains("\"messageId\": \"m-2\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("m-1", output, StringComparison.Ordinal);
        Assert.Equal(3u, await MessageCountAsync(ErrorQueue));
    }

    [Fact]
    public async Task Show_of_an_unknown_id_or_queue_is_one_line_and_exit_code_1()
    {
        var unknownId = new TestConsole();
        Assert.Equal(1, await DeadLettersCommand.ShowAsync(_settings, "m-9", Endpoint, unknownId.Console, unknownId.Error, CancellationToken.None));
        Assert.Equal("aro-rp: no dead letter with message id m-9 in validate-network_error." + Environment.NewLine, unknownId.Error.ToString());
        Assert.Equal("", unknownId.Output);

        var unknownQueue = new TestConsole();
        Assert.Equal(1, await DeadLettersCommand.ShowAsync(_settings, "m-1", "configure-dns", unknownQueue.Console, unknownQueue.Error, CancellationToken.None));
        Assert.Equal("aro-rp: no dead letter with message id m-1 in configure-dns_error." + Environment.NewLine, unknownQueue.Error.ToString());
    }

    [Fact]
    public async Task Requeue_moves_one_message_back_to_its_queue_without_fault_headers_and_keeps_the_others()
    {
        var (exitCode, output) = await RunAsync("requeue", "--queue", Endpoint, "--message-id", "m-2");

        Assert.Equal(0, exitCode);
        Assert.Contains("Requeued 1 message(s).", output, StringComparison.Ordinal);
        await using var channel = await _connection.CreateChannelAsync();
        var requeued = await channel.BasicGetAsync(Endpoint, autoAck: true);
        Assert.NotNull(requeued);
        Assert.Equal("m-2", requeued.BasicProperties.MessageId);
        Assert.Equal("""{"messageId":"m-2"}""", Encoding.UTF8.GetString(requeued.Body.Span));
        Assert.DoesNotContain(requeued.BasicProperties.Headers!.Keys, key => key.StartsWith("MT-Fault-", StringComparison.Ordinal));
        Assert.Equal("kept", Encoding.UTF8.GetString((byte[])requeued.BasicProperties.Headers!["Aro-Trace"]!));
        Assert.Equal(2u, await MessageCountAsync(ErrorQueue));
    }

    [Fact]
    public async Task Requeue_without_a_message_id_moves_them_all()
    {
        var (exitCode, _) = await RunAsync("requeue");

        Assert.Equal(0, exitCode);
        Assert.Equal(3u, await MessageCountAsync(Endpoint));
        Assert.Equal(0u, await MessageCountAsync(ErrorQueue));
    }

    [Fact]
    public async Task Purge_needs_yes_then_deletes_one_or_all()
    {
        Assert.Equal(2, (await RunAsync("purge")).ExitCode);
        Assert.Equal(3u, await MessageCountAsync(ErrorQueue));

        Assert.Equal(0, (await RunAsync("purge", "--message-id", "m-1", "--yes")).ExitCode);
        Assert.Equal(2u, await MessageCountAsync(ErrorQueue));

        var (exitCode, output) = await RunAsync("purge", "--queue", ErrorQueue, "--yes");
        Assert.Equal(0, exitCode);
        Assert.Contains("Purged 2 message(s).", output, StringComparison.Ordinal);
        Assert.Equal(0u, await MessageCountAsync(ErrorQueue));
    }

    private static BasicProperties Faulted(string id) => new()
    {
        MessageId = id,
        Persistent = true,
        ContentType = "application/vnd.masstransit+json",
        Type = "urn:message:Aro.Contracts:ValidateNetwork",
        Headers = new Dictionary<string, object?>
        {
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes($"The cloud did not answer ({id})."),
            ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("Azure.RequestFailedException"),
            ["MT-Fault-StackTrace"] = Encoding.UTF8.GetBytes("   at Aro.Consumers.Network.ValidateNetworkConsumer.Consume(ConsumeContext`1 context)"),
            ["MT-Fault-InputAddress"] = Encoding.UTF8.GetBytes("rabbitmq://localhost/some-vhost/validate-network"),
            ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes("2026-01-02T03:04:05.0000000Z"),
            ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
            ["Aro-Trace"] = Encoding.UTF8.GetBytes("kept"),
        },
    };

    private async Task<(int ExitCode, string Output)> RunAsync(string verb, params string[] options)
    {
        string? Option(string name) => Array.IndexOf(options, name) is var i and >= 0 ? options[i + 1] : null;
        using var output = new StringWriter();
        var exitCode = await DeadLettersCommand.RunAsync(_settings, verb, Option("--queue"), Option("--message-id"), options.Contains("--yes"), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    private async Task<uint> MessageCountAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
