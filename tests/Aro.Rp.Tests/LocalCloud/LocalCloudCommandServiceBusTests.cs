using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aro.Rp.Tests.Distributed;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.Rp.Tests.LocalCloud;

/// <summary>
/// <c>aro-rp local-cloud</c> as its own process: killed with SIGKILL, its Service Bus keeps every message it
/// acknowledged and forgets every message that was completed, as a durable broker does; misconfigured, it says so in one line.
/// </summary>
public sealed class LocalCloudCommandServiceBusTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("aro-servicebus-kill-").FullName;
    private readonly int _port = FreePort.Next();
    private readonly int _amqpPort = FreePort.Next();
    private readonly int _administrationPort = FreePort.Next();
    private RpProcess? _localCloud;

    [Fact]
    public async Task Acknowledged_messages_survive_a_sigkill_and_completed_ones_do_not_come_back()
    {
        var connection = await StartLocalCloudAsync();
        await new ServiceBusAdministrationClient(connection.Administration).CreateQueueAsync("aro/durable");
        var locked = default(string);
        await using (var client = new ServiceBusClient(connection.Amqp))
        {
            await using var sender = client.CreateSender("aro/durable");
            for (var i = 0; i < 100; i++)
            {
                await sender.SendMessageAsync(new ServiceBusMessage($"m{i}"));
            }

            await using var receiver = client.CreateReceiver("aro/durable");
            for (var i = 0; i < 10; i++)
            {
                await receiver.CompleteMessageAsync(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10)));
            }

            // Locked, neither completed nor abandoned, when the process dies.
            locked = (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10))).Body.ToString();
            _localCloud!.Kill();
        }

        connection = await StartLocalCloudAsync();
        var bodies = new List<string>();
        await using (var client = new ServiceBusClient(connection.Amqp))
        {
            await using var receiver = client.CreateReceiver("aro/durable");
            while (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(2)) is { } message)
            {
                bodies.Add(message.Body.ToString());
                await receiver.CompleteMessageAsync(message);
            }
        }

        Assert.True(Enumerable.Range(10, 90).Select(i => $"m{i}").SequenceEqual(bodies), _localCloud!.Tail());
        Assert.Equal("m10", locked);
    }

    [Fact]
    public async Task A_missing_topology_file_is_one_line_naming_the_setting_and_exit_code_1()
    {
        var missing = Path.Combine(_root, "missing-topology.json");
        await using var localCloud = RpProcess.Start("misconfigured", _root, new Dictionary<string, string>
        {
            ["ARO_DATA_DIR"] = Path.Combine(_root, "data"),
            ["ARO_LOCAL_CLOUD_URL"] = $"https://localhost:{_port}",
            ["ARO_LOCAL_CLOUD_SERVICEBUS_TOPOLOGY"] = missing,
        }, "local-cloud");

        var exitCode = await localCloud.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var output = localCloud.Tail().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var line = Assert.Single(output);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.Contains("ARO_LOCAL_CLOUD_SERVICEBUS_TOPOLOGY", line, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_localCloud is not null)
        {
            await _localCloud.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A log still held by a dying process; the temp directory is cleaned eventually.
        }
    }

    /// <summary>Starts (or restarts) the process on the same ports and data directory; its connection strings once it serves.</summary>
    private async Task<(string Amqp, string Administration)> StartLocalCloudAsync()
    {
        if (_localCloud is not null)
        {
            await _localCloud.DisposeAsync();
        }

        _localCloud = RpProcess.Start("local-cloud", _root, new Dictionary<string, string>
        {
            ["ARO_DATA_DIR"] = Path.Combine(_root, "data"),
            ["ARO_LOCAL_CLOUD_URL"] = $"https://localhost:{_port}",
            ["ARO_LOCAL_CLOUD_SERVICEBUS_PORT"] = _amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ARO_LOCAL_CLOUD_SERVICEBUS_ADMIN_PORT"] = _administrationPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "local-cloud");

        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
        {
            BaseAddress = new Uri($"https://localhost:{_port}/"),
        };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            Assert.False(_localCloud.HasExited, _localCloud.Tail());
            try
            {
                var description = await http.GetFromJsonAsync<JsonObject>("_localcloud/servicebus");
                return ((string)description!["connectionString"]!, (string)description["administrationConnectionString"]!);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
