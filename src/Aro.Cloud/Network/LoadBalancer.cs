namespace Aro.Cloud.Network;

/// <param name="Id">The load balancer's ARM id.</param>
/// <param name="BackendAddressPoolId">The pool the API server machines' NICs join.</param>
public sealed record LoadBalancer(string Id, string BackendAddressPoolId);
