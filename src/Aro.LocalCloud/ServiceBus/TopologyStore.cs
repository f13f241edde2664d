using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Aro.LocalCloud.ServiceBus.Administration;
using Aro.LocalCloud.ServiceBus.Amqp;
using Aro.LocalCloud.ServiceBus.Broker;

namespace Aro.LocalCloud.ServiceBus;

/// <summary>
/// Entities survive restarts in servicebus/topology.json (descriptions as written); a topology file declares
/// entities at start: {"queues":["a"],"topics":[{"name":"t","subscriptions":[{"name":"s","forwardTo":"a"}]}]}.
/// </summary>
internal static class TopologyStore
{
    private const string TopologySetting = "set ARO_LOCAL_CLOUD_SERVICEBUS_TOPOLOGY (LocalCloud:ServiceBus:TopologyFile) to a JSON file of queues and topics";

    // Entities are created concurrently (each receive endpoint creates its own as it starts), and every change saves.
    private static readonly Lock SaveGate = new();

    /// <summary>
    /// Writes the topology as it is now. Saves run one at a time, each taking the topology when it starts, so the last
    /// one written holds every change made before it; the entities are read under the namespace's lock, as they change in place.
    /// </summary>
    public static void Save(ServiceBusNamespace serviceBus, string path)
    {
        lock (SaveGate)
        {
            var topology = serviceBus.ReadConsistently(() => Snapshot(serviceBus));
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, topology.ToJsonString());
            File.Move(temporary, path, overwrite: true);
        }
    }

    private static JsonObject Snapshot(ServiceBusNamespace serviceBus) => new()
    {
        ["queues"] = new JsonArray([.. serviceBus.Queues.Select(q => (JsonNode)new JsonObject { ["name"] = q.Name, ["description"] = q.DescriptionXml })]),
        ["topics"] = new JsonArray([.. serviceBus.Topics.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["description"] = t.DescriptionXml,
            ["subscriptions"] = new JsonArray([.. t.Subscriptions.Values.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["description"] = s.DescriptionXml,
                ["rules"] = new JsonArray([.. s.Rules.Values.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["description"] = r.DescriptionXml })]),
            })]),
        })]),
    };

    /// <summary>Recreates saved entities (with their full descriptions).</summary>
    public static void Load(ServiceBusNamespace serviceBus, string path)
    {
        if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject topology)
        {
            return;
        }

        foreach (var queue in topology["queues"]?.AsArray() ?? [])
        {
            EntityWriter.PutQueue(serviceBus, (string)queue!["name"]!, XElement.Parse((string)queue["description"]!));
        }

        foreach (var topic in topology["topics"]?.AsArray() ?? [])
        {
            var topicName = (string)topic!["name"]!;
            EntityWriter.PutTopic(serviceBus, topicName, XElement.Parse((string)topic["description"]!));
            foreach (var subscription in topic["subscriptions"]?.AsArray() ?? [])
            {
                var name = (string)subscription!["name"]!;
                serviceBus.PutSubscription(topicName, name, EntityDescriptions.Settings(XElement.Parse((string)subscription["description"]!)),
                    (string)subscription["description"]!, null);
                serviceBus.DeleteRule(topicName, name, "$Default");
                foreach (var rule in subscription["rules"]?.AsArray() ?? [])
                {
                    serviceBus.PutRule(topicName, name, EntityWriter.Rule((string)rule!["name"]!, XElement.Parse((string)rule["description"]!)));
                }
            }
        }
    }

    /// <summary>Declares the entities of a topology file that do not exist yet.</summary>
    public static void Declare(ServiceBusNamespace serviceBus, string path)
    {
        var topology = ReadTopologyFile(path);
        foreach (var queue in topology["queues"]?.AsArray() ?? [])
        {
            var name = queue is JsonValue ? (string)queue! : (string)queue!["name"]!;
            if (serviceBus.FindQueue(name) is null)
            {
                var description = EntityWriter.Empty("QueueDescription");
                if (queue is JsonObject withSettings && (string?)withSettings["forwardTo"] is { } forwardTo)
                {
                    description.Add(new XElement(EntityDescriptions.ServiceBus + "ForwardTo", forwardTo));
                }

                EntityWriter.PutQueue(serviceBus, name, description);
            }
        }

        foreach (var topic in topology["topics"]?.AsArray() ?? [])
        {
            var topicName = topic is JsonValue ? (string)topic! : (string)topic!["name"]!;
            if (serviceBus.FindTopic(topicName) is null)
            {
                EntityWriter.PutTopic(serviceBus, topicName, EntityWriter.Empty("TopicDescription"));
            }

            foreach (var subscription in (topic as JsonObject)?["subscriptions"]?.AsArray() ?? [])
            {
                var name = subscription is JsonValue ? (string)subscription! : (string)subscription!["name"]!;
                if (serviceBus.FindSubscription(topicName, name) is null)
                {
                    var description = EntityWriter.Empty("SubscriptionDescription");
                    if (subscription is JsonObject withSettings && (string?)withSettings["forwardTo"] is { } forwardTo)
                    {
                        description.Add(new XElement(EntityDescriptions.ServiceBus + "ForwardTo", forwardTo));
                    }

                    EntityWriter.PutSubscription(serviceBus, topicName, name, description);
                    DeclareRules(serviceBus, topicName, name, (subscription as JsonObject)?["rules"]?.AsArray());
                }
            }
        }
    }

    /// <summary>Declared rules take the place of the $Default rule; without any, the subscription takes every message.</summary>
    private static void DeclareRules(ServiceBusNamespace serviceBus, string topic, string subscription, JsonArray? rules)
    {
        if (rules is null)
        {
            return;
        }

        serviceBus.DeleteRule(topic, subscription, "$Default");
        foreach (var rule in rules)
        {
            var declared = rule as JsonObject ?? throw new InvalidDataException("a rule is not a JSON object");
            serviceBus.PutRule(topic, subscription, EntityWriter.Rule((string)declared["name"]!, CorrelationRuleDescription.FromJson(declared)));
        }
    }

    /// <summary>Throws <see cref="ServiceBusConfigurationException"/> when the options name a topology file that cannot be read.</summary>
    public static void Check(LocalServiceBusOptions options)
    {
        if (!options.Enabled || string.IsNullOrWhiteSpace(options.TopologyFile))
        {
            return;
        }

        // A dry run into a namespace of its own finds every mistake before anything is served.
        try
        {
            Declare(new ServiceBusNamespace(NullMessageJournal.Instance, new AmqpMessageCodec()), options.TopologyFile);
        }
        catch (Exception exception) when (exception is not ServiceBusConfigurationException)
        {
            throw new ServiceBusConfigurationException(
                $"The Service Bus topology file {options.TopologyFile} is not a valid topology ({exception.Message}): {TopologySetting}.", exception);
        }
    }

    private static JsonObject ReadTopologyFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ServiceBusConfigurationException($"The Service Bus topology file {path} was not found: {TopologySetting}.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new ServiceBusConfigurationException($"The Service Bus topology file {path} is not a JSON object: {TopologySetting}.");
        }
        catch (JsonException exception)
        {
            throw new ServiceBusConfigurationException($"The Service Bus topology file {path} is not valid JSON ({exception.Message}): {TopologySetting}.", exception);
        }
    }
}
