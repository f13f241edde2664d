using System.Xml;
using System.Xml.Linq;
using Aro.LocalCloud.ServiceBus.Broker;

namespace Aro.LocalCloud.ServiceBus.Administration;

/// <summary>Reads the settings the broker obeys out of the ATOM descriptions the administration client writes.</summary>
internal static class EntityDescriptions
{
    public static readonly XNamespace ServiceBus = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";

    public static EntitySettings Settings(XElement description)
    {
        var defaults = new EntitySettings();
        return new EntitySettings
        {
            LockDuration = Duration(description, "LockDuration") ?? defaults.LockDuration,
            MaxDeliveryCount = Int(description, "MaxDeliveryCount") ?? defaults.MaxDeliveryCount,
            DefaultMessageTimeToLive = Duration(description, "DefaultMessageTimeToLive") ?? defaults.DefaultMessageTimeToLive,
            DeadLetteringOnMessageExpiration = Bool(description, "DeadLetteringOnMessageExpiration") ?? false,
            RequiresDuplicateDetection = Bool(description, "RequiresDuplicateDetection") ?? false,
            DuplicateDetectionHistoryTimeWindow = Duration(description, "DuplicateDetectionHistoryTimeWindow") ?? defaults.DuplicateDetectionHistoryTimeWindow,
            ForwardTo = Path(Text(description, "ForwardTo")),
            ForwardDeadLetteredMessagesTo = Path(Text(description, "ForwardDeadLetteredMessagesTo")),
        };
    }

    /// <summary>A rule's filter: true, false, "1=1"/"1=0" SQL, or a correlation filter; null for anything else (SQL is not evaluated).</summary>
    public static RuleFilter? Filter(XElement? filter)
    {
        if (filter is null)
        {
            return RuleFilter.True;
        }

        var type = filter.Attribute(Instance + "type")?.Value ?? "";
        type = type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var expression = Text(filter, "SqlExpression")?.Replace(" ", "", StringComparison.Ordinal);
        return type switch
        {
            "TrueFilter" => RuleFilter.True,
            "FalseFilter" => RuleFilter.False,
            "SqlFilter" when expression == "1=1" => RuleFilter.True,
            "SqlFilter" when expression == "1=0" => RuleFilter.False,
            "CorrelationFilter" => new RuleFilter
            {
                Kind = RuleFilterKind.Correlation,
                CorrelationId = Text(filter, "CorrelationId"),
                MessageId = Text(filter, "MessageId"),
                To = Text(filter, "To"),
                ReplyTo = Text(filter, "ReplyTo"),
                Subject = Text(filter, "Label"),
                SessionId = Text(filter, "SessionId"),
                ReplyToSessionId = Text(filter, "ReplyToSessionId"),
                ContentType = Text(filter, "ContentType"),
                Properties = filter.Element(ServiceBus + "Properties")?.Elements()
                    .ToDictionary(p => p.Element(ServiceBus + "Key")?.Value ?? "", p => (object?)p.Element(ServiceBus + "Value")?.Value, StringComparer.Ordinal)
                    ?? new Dictionary<string, object?>(),
            },
            _ => null,
        };
    }

    public static string? Text(XElement parent, string name)
    {
        var element = parent.Element(ServiceBus + name);
        return element is null || element.Attribute(Instance + "nil")?.Value == "true" || element.Value.Length == 0 ? null : element.Value;
    }

    private static TimeSpan? Duration(XElement parent, string name) => Text(parent, name) is { } text ? XmlConvert.ToTimeSpan(text) : null;

    private static int? Int(XElement parent, string name) => Text(parent, name) is { } text ? XmlConvert.ToInt32(text) : null;

    private static bool? Bool(XElement parent, string name) => Text(parent, name) is { } text ? XmlConvert.ToBoolean(text) : null;

    private static string? Path(string? forwardTo) => forwardTo is null ? null : EntityPaths.Normalize(forwardTo);
}
