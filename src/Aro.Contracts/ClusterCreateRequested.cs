namespace Aro.Contracts;

/// <summary>A cluster PUT created a new cluster document in provisioningState Creating.</summary>
/// <param name="ClusterId">Deterministic id derived from the lower-cased resource id; the saga's correlation id.</param>
/// <param name="ResourceId">The cluster's ARM resource id, in the casing the user created it with.</param>
/// <param name="OperationId">The async operation this request belongs to; a repeat of the same id is a no-op.</param>
public sealed record ClusterCreateRequested(Guid ClusterId, string ResourceId, string OperationId, DateTimeOffset RequestedAt) : IClusterOperationMessage;
