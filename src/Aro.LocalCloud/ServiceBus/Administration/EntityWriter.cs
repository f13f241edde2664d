using System.Xml.Linq;
using Aro.LocalCloud.ServiceBus.Broker;

namespace Aro.LocalCloud.ServiceBus.Administration;

/// <summary>Creates or updates entities from their descriptions: the administration API, the saved topology and the topology file all go through here.</summary>
internal static class EntityWriter
{
    public static QueueEntity PutQueue(ServiceBusNamespace serviceBus, string name, XElement description) =>
        serviceBus.PutQueue(name, EntityDescriptions.Settings(description), description.ToString(SaveOptions.DisableFormatting));

    public static TopicEntity PutTopic(ServiceBusNamespace serviceBus, string name, XElement description) =>
        serviceBus.PutTopic(name, EntityDescriptions.Settings(description), description.ToString(SaveOptions.DisableFormatting));

    /// <summary>Null when the topic does not exist; throws <see cref="NotSupportedException"/> for a default rule it cannot evaluate.</summary>
    public static SubscriptionEntity? PutSubscription(ServiceBusNamespace serviceBus, string topic, string name, XElement description)
    {
        RuleEntity? defaultRule = null;
        if (description.Element(EntityDescriptions.ServiceBus + "DefaultRuleDescription") is { } ruleDescription)
        {
            ruleDescription.Remove();
            defaultRule = Rule(EntityDescriptions.Text(ruleDescription, "Name") ?? "$Default", ruleDescription);
        }

        return serviceBus.PutSubscription(topic, name, EntityDescriptions.Settings(description), description.ToString(SaveOptions.DisableFormatting), defaultRule);
    }

    public static RuleEntity Rule(string name, XElement description)
    {
        var filter = EntityDescriptions.Filter(description.Element(EntityDescriptions.ServiceBus + "Filter"))
            ?? throw new NotSupportedException("Only true, false and correlation filters are supported by the local cloud's Service Bus (SQL filters are not evaluated).");
        description.Name = EntityDescriptions.ServiceBus + "RuleDescription";
        if (description.Element(EntityDescriptions.ServiceBus + "Name") is null)
        {
            description.Add(new XElement(EntityDescriptions.ServiceBus + "Name", name));
        }

        return new RuleEntity(name) { Filter = filter, DescriptionXml = description.ToString(SaveOptions.DisableFormatting) };
    }

    /// <summary>A description with nothing but defaults, for entities declared by name only (topology file, default rule).</summary>
    public static XElement Empty(string kind) =>
        new(EntityDescriptions.ServiceBus + kind, new XAttribute(XNamespace.Xmlns + "i", EntityDescriptions.Instance));
}
