using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Aro.Rp.Tests.Messaging;

/// <summary>
/// The RabbitMQ node test.sh starts (.ci/rabbitmq.sh), found through ARO_TEST_RABBITMQ_*. Every test gets a virtual
/// host of its own, so tests running side by side never consume each other's messages.
/// </summary>
internal sealed class RabbitMqTestBroker
{
    private RabbitMqTestBroker(string host, int port, int managementPort, string username, string password)
    {
        Host = host;
        Port = port;
        Username = username;
        Password = password;
        Management = new HttpClient { BaseAddress = new Uri($"http://{host}:{managementPort}/api/") };
        Management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
    }

    public string Host { get; }

    public int Port { get; }

    public string Username { get; }

    public string Password { get; }

    /// <summary>The management plugin's HTTP API, to arrange virtual hosts and look at queues.</summary>
    public HttpClient Management { get; }

    /// <summary>The broker from the environment; a test run without one fails here, saying how to get one (CI runs these tests).</summary>
    public static RabbitMqTestBroker FromEnvironment()
    {
        var host = Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_HOST");
        if (string.IsNullOrEmpty(host))
        {
            throw new InvalidOperationException(
                "ARO_TEST_RABBITMQ_HOST is not set. The tests of Category=RabbitMQ need a RabbitMQ broker with the management plugin: " +
                "run ./test.sh (it starts one), or start one and export ARO_TEST_RABBITMQ_HOST, ARO_TEST_RABBITMQ_PORT, " +
                "ARO_TEST_RABBITMQ_MANAGEMENT_PORT, ARO_TEST_RABBITMQ_USERNAME and ARO_TEST_RABBITMQ_PASSWORD.");
        }

        return new RabbitMqTestBroker(
            host,
            int.Parse(Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_PORT") ?? "5672", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_MANAGEMENT_PORT") ?? "15672", System.Globalization.CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_USERNAME") ?? "guest",
            Environment.GetEnvironmentVariable("ARO_TEST_RABBITMQ_PASSWORD") ?? "guest");
    }

    /// <summary>A fresh virtual host the broker's user may use fully; deleted, with its queues, on dispose.</summary>
    public async Task<RabbitMqVirtualHost> CreateVirtualHostAsync()
    {
        var name = $"aro-test-{Guid.NewGuid():N}";
        var created = await Management.PutAsync($"vhosts/{name}", null);
        Assert.True(created.IsSuccessStatusCode, $"Creating virtual host {name}: {created.StatusCode}");
        var permitted = await Management.PutAsJsonAsync($"permissions/{name}/{Uri.EscapeDataString(Username)}", new { configure = ".*", write = ".*", read = ".*" });
        Assert.True(permitted.IsSuccessStatusCode, $"Granting {Username} on {name}: {permitted.StatusCode}");
        return new RabbitMqVirtualHost(this, name);
    }

    /// <summary>The queues of a virtual host: name, type (classic or quorum), durable, messages.</summary>
    public async Task<IReadOnlyList<JsonObject>> QueuesAsync(string virtualHost)
    {
        var response = await Management.GetAsync($"queues/{Uri.EscapeDataString(virtualHost)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(queue => queue!.AsObject())];
    }
}
