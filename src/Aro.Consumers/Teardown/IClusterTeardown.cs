using Aro.Api;

namespace Aro.Consumers.Teardown;

/// <summary>Removes everything a cluster owns in the cloud.</summary>
public interface IClusterTeardown
{
    /// <summary>
    /// Null once nothing is left (including when nothing was ever created, or the cluster document is gone);
    /// otherwise the permanent problem. Transient failures throw.
    /// </summary>
    Task<CloudErrorBody?> TearDownAsync(string resourceId, CancellationToken cancellationToken);
}
