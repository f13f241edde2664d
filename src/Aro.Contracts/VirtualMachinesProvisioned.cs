namespace Aro.Contracts;

/// <summary>The cluster's machines run; the endpoints it is reached on are known.</summary>
/// <param name="ClusterId">The saga's correlation id, derived from the lower-cased resource id.</param>
/// <param name="ResourceId">The cluster's ARM resource id.</param>
/// <param name="OperationId">The async operation the step belongs to; outcomes of an older operation are ignored.</param>
/// <param name="ApiServerUrl">The URL of the cluster's API server.</param>
/// <param name="ApiServerIp">The public IP of the API server load balancer.</param>
/// <param name="ConsoleUrl">The URL of the OpenShift console.</param>
/// <param name="IngressIp">The public IP of the default ingress.</param>
public sealed record VirtualMachinesProvisioned(Guid ClusterId, string ResourceId, string OperationId, string ApiServerUrl, string ApiServerIp, string ConsoleUrl, string IngressIp) : IClusterOperationMessage;
