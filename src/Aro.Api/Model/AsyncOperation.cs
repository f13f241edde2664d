namespace Aro.Api.Model;

/// <summary>The status of one long-running operation, as served by operationsstatus.</summary>
public sealed class AsyncOperation
{
    /// <summary>The full ARM id: /subscriptions/{sub}/providers/Microsoft.RedHatOpenShift/locations/{location}/operationsstatus/{name}.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public ProvisioningState Status { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public int? PercentComplete { get; set; }

    public CloudErrorBody? Error { get; set; }

    public AsyncOperationProperties? Properties { get; set; }
}
