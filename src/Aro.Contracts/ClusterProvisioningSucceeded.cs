namespace Aro.Contracts;

/// <summary>A create ended: the cluster runs.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
public sealed record ClusterProvisioningSucceeded(Guid ClusterId, string ResourceId, string OperationId) : IClusterOperationMessage;
