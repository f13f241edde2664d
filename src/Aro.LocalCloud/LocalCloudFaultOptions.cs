namespace Aro.LocalCloud;

/// <summary>A fault armed from configuration; the same fields as <see cref="Faults.FaultInjector.FailNext"/>.</summary>
public sealed class LocalCloudFaultOptions
{
    public string OperationType { get; set; } = "";

    /// <summary>How many matching requests fail; a negative count fails all of them until cleared.</summary>
    public int Count { get; set; } = 1;

    public int StatusCode { get; set; } = 500;

    public string Code { get; set; } = "InternalServerError";

    public string Message { get; set; } = "Fault injected by the local cloud.";
}
