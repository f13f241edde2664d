namespace Aro.Api;

/// <summary>The body of an ARM error: code, message, optional JSON-path target and details.</summary>
public sealed record CloudErrorBody(string Code, string Message, string? Target = null, IReadOnlyList<CloudErrorBody>? Details = null);
