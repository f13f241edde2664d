namespace Aro.Contracts;

/// <summary>The cluster PKI and Ignition configs are stored in the cluster resource group.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
public sealed record IgnitionGenerated(Guid ClusterId, string ResourceId, string OperationId) : IClusterOperationMessage;
