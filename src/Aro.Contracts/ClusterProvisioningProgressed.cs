namespace Aro.Contracts;

/// <summary>The running operation reached a new step.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
/// <param name="Step">The step now running, e.g. ProvisioningVirtualMachines.</param>
/// <param name="PercentComplete">How far the operation has come, 0 to 100.</param>
public sealed record ClusterProvisioningProgressed(Guid ClusterId, string ResourceId, string OperationId, string Step, int PercentComplete) : IClusterOperationMessage;
