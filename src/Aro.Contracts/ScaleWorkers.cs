namespace Aro.Contracts;

/// <summary>Command: bring the worker MachineSets to the requested total and wait until the workers are ready.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
/// <param name="WorkerCount">The total number of workers wanted.</param>
public sealed record ScaleWorkers(Guid ClusterId, string ResourceId, string OperationId, int WorkerCount) : IClusterOperationMessage;
