namespace Aro.Api.Model;

/// <summary>
/// The RP-specific part of an operation's status (ARM's <c>properties</c> of an operation status): which step
/// of the backend's lifecycle it is in, so a client polling a long create can see it move.
/// </summary>
public sealed class AsyncOperationProperties
{
    /// <summary>The lifecycle step running (or, once failed, the step that failed), e.g. <c>ProvisioningVirtualMachines</c>.</summary>
    public string? Step { get; set; }
}
