namespace Aro.LocalCloud.Faults;

/// <summary>
/// An armed fault. Operation types follow ARM's action naming, "{resourceType}/{read|write|delete|action}",
/// e.g. "Microsoft.Network/dnszones/A/write"; a trailing "*" matches a prefix ("Microsoft.Network/*").
/// </summary>
public sealed class FaultRule
{
    internal FaultRule(string operationType, int remaining, int statusCode, string code, string message)
    {
        OperationType = operationType;
        Remaining = remaining;
        StatusCode = statusCode;
        Code = code;
        Message = message;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public string OperationType { get; }

    /// <summary>Failures left; negative means unlimited.</summary>
    public int Remaining { get; internal set; }

    /// <summary>How many requests this rule has failed so far, so tests can assert the fault was hit.</summary>
    public int Hits { get; internal set; }

    public int StatusCode { get; }

    public string Code { get; }

    public string Message { get; }

    internal bool Matches(string operationType) => Matches(OperationType, operationType);

    internal static bool Matches(string pattern, string operationType) =>
        pattern.EndsWith('*')
            ? operationType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, operationType, StringComparison.OrdinalIgnoreCase);
}
