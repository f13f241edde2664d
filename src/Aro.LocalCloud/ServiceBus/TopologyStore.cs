using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Aro.LocalCloud.ServiceBus.Administration;
using Aro.LocalCloud.ServiceBus.Broker;

namespace Aro.LocalCloud.ServiceBus;

/// <summary>
/// Entities survive restarts in servicebus/topology.json (descriptions as written); a topology file declares
/// entities at start: {"queues":["a"],"topics":[{"name":"t","subscriptions":[{"name":"s","forwardTo":"a"}]}]}.
/// </summary>
internal static class TopologyStore
{
    public static void Save(ServiceBusNamespace serviceBus, string path)
    {
        var topology = new JsonObject
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
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, topology.ToJsonString());
        File.Move(temporary, path, overwrite: true);
    }

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
        var topology = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?.AsObject()
            ?? throw new InvalidDataException($"{path} is not a JSON object.");
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
                }
            }
        }
    }
}
