namespace Aro.Contracts;

/// <summary>The cluster runs the requested number of ready workers.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
/// <param name="WorkerCount">The number of ready workers.</param>
public sealed record WorkersScaled(Guid ClusterId, string ResourceId, string OperationId, int WorkerCount) : IClusterOperationMessage;
