namespace Aro.Cloud.Network;

/// <summary>Standard public load balancers fronting a cluster's API server.</summary>
public interface ILoadBalancers
{
    /// <summary>
    /// Returns the load balancer named <paramref name="name"/>, creating it first if needed: one frontend on
    /// <paramref name="frontendPublicIpId"/>, one backend pool, and a TCP 6443 rule with its health probe.
    /// </summary>
    Task<LoadBalancer> EnsureAsync(string resourceGroupId, string name, string location, string frontendPublicIpId, CancellationToken cancellationToken);
}
