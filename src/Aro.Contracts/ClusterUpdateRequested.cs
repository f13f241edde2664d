namespace Aro.Contracts;

/// <summary>A PUT or PATCH on an existing cluster changed more than its worker count (provisioningState Updating).</summary>
/// <param name="ClusterId">Deterministic id derived from the lower-cased resource id; the saga's correlation id.</param>
/// <param name="ResourceId">The cluster's ARM resource id, in the casing the user created it with.</param>
/// <param name="OperationId">The async operation this request belongs to; a repeat of the same id is a no-op.</param>
/// <param name="WorkerCount">The number of workers the cluster should have once updated (it may have changed too).</param>
public sealed record ClusterUpdateRequested(Guid ClusterId, string ResourceId, string OperationId, int WorkerCount, DateTimeOffset RequestedAt) : IClusterOperationMessage;
