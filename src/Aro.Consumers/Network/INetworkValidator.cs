using Aro.Consumers.Clusters;

namespace Aro.Consumers.Network;

/// <summary>Checks the customer's subnets and the cluster's CIDRs before anything is created.</summary>
public interface INetworkValidator
{
    /// <summary>
    /// Done when the network can host the cluster; otherwise the first problem, as InvalidLinkedVNet about the
    /// subnet (ResourceNotFound when the cluster is gone), or skipped when <paramref name="operationId"/> no longer
    /// acts on the cluster. Transient cloud failures throw.
    /// </summary>
    Task<StepOutcome> ValidateAsync(string resourceId, string operationId, CancellationToken cancellationToken);
}
