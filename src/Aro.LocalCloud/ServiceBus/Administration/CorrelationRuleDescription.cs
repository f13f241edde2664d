using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Aro.LocalCloud.ServiceBus.Administration;

/// <summary>
/// A rule with a correlation filter written in a topology file, as the RuleDescription the administration API stores,
/// so the administration client reads it back like one it created:
/// {"name":"created","correlation":{"subject":"x","properties":{"kind":"created"}}}.
/// </summary>
internal static class CorrelationRuleDescription
{
    private static readonly XNamespace Schema = "http://www.w3.org/2001/XMLSchema";

    private static readonly (string Json, string Xml)[] SystemProperties =
    [
        ("correlationId", "CorrelationId"), ("messageId", "MessageId"), ("to", "To"), ("replyTo", "ReplyTo"),
        ("subject", "Label"), ("sessionId", "SessionId"), ("replyToSessionId", "ReplyToSessionId"), ("contentType", "ContentType"),
    ];

    public static XElement FromJson(JsonObject rule)
    {
        var name = (string?)rule["name"] ?? throw new InvalidDataException("a rule has no name");
        if (rule["correlation"] is not JsonObject correlation)
        {
            throw new InvalidDataException($"rule '{name}' has no \"correlation\" object (only correlation filters can be declared)");
        }

        var unknown = correlation.Select(p => p.Key).Except(SystemProperties.Select(p => p.Json).Append("properties")).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"rule '{name}' has unknown correlation fields: {string.Join(", ", unknown)}");
        }

        var sb = EntityDescriptions.ServiceBus;
        var filter = new XElement(sb + "Filter", new XAttribute(EntityDescriptions.Instance + "type", "CorrelationFilter"));
        foreach (var (json, xml) in SystemProperties)
        {
            if ((string?)correlation[json] is { } value)
            {
                filter.Add(new XElement(sb + xml, value));
            }
        }

        if (correlation["properties"] is JsonObject properties)
        {
            filter.Add(new XElement(sb + "Properties", properties.Select(p => new XElement(sb + "KeyValueOfstringanyType",
                new XElement(sb + "Key", p.Key),
                new XElement(sb + "Value", new XAttribute(XNamespace.Xmlns + "d6p1", Schema), new XAttribute(EntityDescriptions.Instance + "type", "d6p1:string"),
                    (string?)p.Value ?? throw new InvalidDataException($"rule '{name}' property '{p.Key}' is not a string"))))));
        }

        return new XElement(sb + "RuleDescription", new XAttribute(XNamespace.Xmlns + "i", EntityDescriptions.Instance), filter, new XElement(sb + "Name", name));
    }
}
