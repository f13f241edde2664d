namespace Aro.Contracts;

/// <summary>Command: ensure the cluster PKI and the bootstrap, master and worker Ignition configs.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
public sealed record GenerateIgnition(Guid ClusterId, string ResourceId, string OperationId) : IClusterOperationMessage;
