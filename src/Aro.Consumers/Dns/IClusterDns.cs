using Aro.Api;

namespace Aro.Consumers.Dns;

/// <summary>Ensures the DNS records a cluster with a managed domain is reached by.</summary>
public interface IClusterDns
{
    /// <summary>
    /// Null when the records exist (or the domain is the customer's, who owns its DNS); otherwise the
    /// permanent problem. Transient cloud failures throw.
    /// </summary>
    Task<CloudErrorBody?> ConfigureAsync(string resourceId, CancellationToken cancellationToken);
}
