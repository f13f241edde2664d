using Aro.Api;

namespace Aro.Consumers.Network;

/// <summary>Checks the customer's subnets and the cluster's CIDRs before anything is created.</summary>
public interface INetworkValidator
{
    /// <summary>
    /// Null when the network can host the cluster; otherwise the first problem, as InvalidLinkedVNet about the
    /// subnet (ResourceNotFound when the cluster is gone). Transient cloud failures throw.
    /// </summary>
    Task<CloudErrorBody?> ValidateAsync(string resourceId, CancellationToken cancellationToken);
}
