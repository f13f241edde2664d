namespace Aro.Contracts;

/// <summary>The cluster's machines run; the VM step has written the endpoints it is reached on into the cluster.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
public sealed record VirtualMachinesProvisioned(Guid ClusterId, string ResourceId, string OperationId) : IClusterOperationMessage;
