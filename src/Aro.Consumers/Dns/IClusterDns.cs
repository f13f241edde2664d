using Aro.Consumers.Clusters;

namespace Aro.Consumers.Dns;

/// <summary>Ensures the DNS records a cluster with a managed domain is reached by.</summary>
public interface IClusterDns
{
    /// <summary>
    /// Done when the records exist (or the domain is the customer's, who owns its DNS); otherwise the permanent
    /// problem, or skipped (nothing created) when <paramref name="operationId"/> no longer acts on the cluster.
    /// Transient cloud failures throw.
    /// </summary>
    Task<StepOutcome> ConfigureAsync(string resourceId, string operationId, CancellationToken cancellationToken);
}
