namespace Aro.Contracts;

/// <summary>The network cannot host the cluster (InvalidLinkedVNet with the subnet as target).</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
/// <param name="Code">The ARM error code the operation fails with (e.g. InvalidLinkedVNet).</param>
/// <param name="Message">A message fit for the user; never a stack trace or a secret.</param>
/// <param name="Target">The JSON path or resource id the error is about, when there is one.</param>
public sealed record NetworkValidationFailed(Guid ClusterId, string ResourceId, string OperationId, string Code, string Message, string? Target) : IClusterOperationMessage;
