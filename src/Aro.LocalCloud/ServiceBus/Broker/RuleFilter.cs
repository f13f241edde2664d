namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>A subscription rule's filter: true, false, or a correlation filter (every given field must match exactly).</summary>
public sealed record RuleFilter
{
    public static readonly RuleFilter True = new() { Kind = RuleFilterKind.True };
    public static readonly RuleFilter False = new() { Kind = RuleFilterKind.False };

    public RuleFilterKind Kind { get; init; }

    public string? CorrelationId { get; init; }
    public string? MessageId { get; init; }
    public string? To { get; init; }
    public string? ReplyTo { get; init; }
    public string? Subject { get; init; }
    public string? SessionId { get; init; }
    public string? ReplyToSessionId { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = new Dictionary<string, object?>();

    public bool Matches(MessageRoutingFields message) => Kind switch
    {
        RuleFilterKind.True => true,
        RuleFilterKind.False => false,
        _ => Same(CorrelationId, message.CorrelationId)
            && Same(MessageId, message.MessageId)
            && Same(To, message.To)
            && Same(ReplyTo, message.ReplyTo)
            && Same(Subject, message.Subject)
            && Same(SessionId, message.SessionId)
            && Same(ReplyToSessionId, message.ReplyToSessionId)
            && Same(ContentType, message.ContentType)
            && Properties.All(p => message.ApplicationProperties.TryGetValue(p.Key, out var value) && SameValue(p.Value, value)),
    };

    private static bool Same(string? expected, string? actual) => expected is null || string.Equals(expected, actual, StringComparison.Ordinal);

    private static bool SameValue(object? expected, object? actual) =>
        Equals(expected, actual) || string.Equals(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

public enum RuleFilterKind
{
    True,
    False,
    Correlation,
}
