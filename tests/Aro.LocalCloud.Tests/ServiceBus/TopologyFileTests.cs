using Aro.LocalCloud.ServiceBus;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>Entities declared up front in a topology file (ARO_LOCAL_CLOUD_SERVICEBUS_TOPOLOGY), as MassTransit's endpoints need them.</summary>
public sealed class TopologyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aro-servicebus-topology-").FullName;

    [Fact]
    public async Task Declared_queues_topics_and_forwarding_subscriptions_exist_at_start()
    {
        var file = WriteTopology("""
            {
              // Comments are allowed.
              "queues": ["orders", { "name": "aro/endpoint" }],
              "topics": [{ "name": "aro/events", "subscriptions": [{ "name": "endpoint", "forwardTo": "aro/endpoint" }, "audit"] }]
            }
            """);
        await using var server = await StartAsync(file, dataDirectory: null);
        var administration = new ServiceBusAdministrationClient(server.ServiceBus.AdministrationConnectionString);
        await using var client = ServiceBusFixture.CreateClient(server.ServiceBus.ConnectionString);

        Assert.True((await administration.QueueExistsAsync("orders")).Value);
        Assert.True((await administration.SubscriptionExistsAsync("aro/events", "audit")).Value);
        var subscription = (await administration.GetSubscriptionAsync("aro/events", "endpoint")).Value;
        Assert.Equal("aro/endpoint", subscription.ForwardTo, StringComparer.OrdinalIgnoreCase);
        await using var publisher = client.CreateSender("aro/events");
        await publisher.SendMessageAsync(new ServiceBusMessage("published"));
        await using var endpoint = client.CreateReceiver("aro/endpoint");
        Assert.Equal("published", (await endpoint.ReceiveMessageAsync(TimeSpan.FromSeconds(10))).Body.ToString());
    }

    [Fact]
    public async Task A_declared_correlation_rule_replaces_the_default_rule_and_reads_back_through_the_administration_client()
    {
        var file = WriteTopology("""
            {
              "topics": [{
                "name": "events",
                "subscriptions": [{ "name": "created", "rules": [{ "name": "only-created", "correlation": { "subject": "order", "properties": { "kind": "created" } } }] }]
              }]
            }
            """);
        await using var server = await StartAsync(file, dataDirectory: null);
        var administration = new ServiceBusAdministrationClient(server.ServiceBus.AdministrationConnectionString);
        await using var client = ServiceBusFixture.CreateClient(server.ServiceBus.ConnectionString);

        var rules = new List<RuleProperties>();
        await foreach (var rule in administration.GetRulesAsync("events", "created"))
        {
            rules.Add(rule);
        }

        var declared = Assert.Single(rules);
        Assert.Equal("only-created", declared.Name);
        var filter = Assert.IsType<CorrelationRuleFilter>(declared.Filter);
        Assert.Equal("order", filter.Subject);
        Assert.Equal("created", filter.ApplicationProperties["kind"]);
        await using var publisher = client.CreateSender("events");
        await publisher.SendMessageAsync(new ServiceBusMessage("deleted") { Subject = "order", ApplicationProperties = { ["kind"] = "deleted" } });
        await publisher.SendMessageAsync(new ServiceBusMessage("created") { Subject = "order", ApplicationProperties = { ["kind"] = "created" } });
        await using var receiver = client.CreateReceiver("events", "created", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        Assert.Equal("created", (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10))).Body.ToString());
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_restart_declares_only_what_is_missing_and_keeps_the_rest()
    {
        var file = WriteTopology("""{ "queues": [{ "name": "declared" }] }""");
        var data = Path.Combine(_directory, "data");
        await using (var first = await StartAsync(file, data))
        {
            var administration = new ServiceBusAdministrationClient(first.ServiceBus.AdministrationConnectionString);
            var declared = (await administration.GetQueueAsync("declared")).Value;
            declared.MaxDeliveryCount = 3;
            await administration.UpdateQueueAsync(declared);
            await administration.CreateQueueAsync("created-later");
            await using var client = ServiceBusFixture.CreateClient(first.ServiceBus.ConnectionString);
            await using var sender = client.CreateSender("declared");
            await sender.SendMessageAsync(new ServiceBusMessage("kept"));
        }

        await using var second = await StartAsync(file, data);
        var again = new ServiceBusAdministrationClient(second.ServiceBus.AdministrationConnectionString);

        Assert.Equal(3, (await again.GetQueueAsync("declared")).Value.MaxDeliveryCount);
        Assert.True((await again.QueueExistsAsync("created-later")).Value);
        Assert.Equal(1, (await again.GetQueueRuntimePropertiesAsync("declared")).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task Entities_created_all_at_once_are_each_created_once_and_all_saved()
    {
        // As MassTransit's endpoints create theirs when a bus starts: many at the same moment, each change saving the topology.
        var file = WriteTopology("""{ "queues": [] }""");
        var data = Path.Combine(_directory, "data");
        var topics = Enumerable.Range(0, 24).Select(i => $"aro/topic-{i}").ToList();
        await using (var first = await StartAsync(file, data))
        {
            var administration = new ServiceBusAdministrationClient(first.ServiceBus.AdministrationConnectionString);
            await Task.WhenAll(topics.Select(async topic =>
            {
                await administration.CreateQueueAsync(topic.Replace("topic", "queue", StringComparison.Ordinal));
                await administration.CreateTopicAsync(topic);
                await Task.WhenAll(
                    administration.CreateSubscriptionAsync(new CreateSubscriptionOptions(topic, "a") { ForwardTo = topic.Replace("topic", "queue", StringComparison.Ordinal) }),
                    administration.CreateSubscriptionAsync(topic, "b"));
            }));
        }

        await using var second = await StartAsync(file, data);
        var again = new ServiceBusAdministrationClient(second.ServiceBus.AdministrationConnectionString);

        foreach (var topic in topics)
        {
            Assert.True((await again.QueueExistsAsync(topic.Replace("topic", "queue", StringComparison.Ordinal))).Value, topic);
            Assert.True((await again.SubscriptionExistsAsync(topic, "a")).Value, topic);
            Assert.True((await again.SubscriptionExistsAsync(topic, "b")).Value, topic);
        }
    }

    [Theory]
    [InlineData("missing.json", null, "not found")]
    [InlineData("broken.json", "{ \"queues\": [", "not valid JSON")]
    [InlineData("array.json", "[]", "JSON object")]
    [InlineData("sql-rule.json", """{ "topics": [{ "name": "t", "subscriptions": [{ "name": "s", "rules": [{ "name": "r", "sql": "a > 1" }] }] }] }""", "only correlation filters")]
    [InlineData("unknown-field.json", """{ "topics": [{ "name": "t", "subscriptions": [{ "name": "s", "rules": [{ "name": "r", "correlation": { "label": "x" } }] }] }] }""", "unknown correlation fields: label")]
    [InlineData("number-queue.json", """{ "queues": [3] }""", "not a valid topology")]
    public async Task A_bad_topology_file_stops_the_start_with_a_message_naming_the_file(string name, string? content, string reason)
    {
        var file = Path.Combine(_directory, name);
        if (content is not null)
        {
            await File.WriteAllTextAsync(file, content);
        }

        var error = await Assert.ThrowsAsync<ServiceBusConfigurationException>(() => StartAsync(file, dataDirectory: null));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("ARO_LOCAL_CLOUD_SERVICEBUS_TOPOLOGY", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<LocalCloudServer> StartAsync(string topologyFile, string? dataDirectory) =>
        LocalCloudServer.StartAsync(new LocalCloudOptions
        {
            Url = "https://localhost:0",
            DataDirectory = dataDirectory,
            ServiceBus = new() { TopologyFile = topologyFile },
        });

    private string WriteTopology(string json)
    {
        var file = Path.Combine(_directory, "topology.json");
        File.WriteAllText(file, json);
        return file;
    }
}
