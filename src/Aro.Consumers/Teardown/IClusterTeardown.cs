using Aro.Consumers.Clusters;

namespace Aro.Consumers.Teardown;

/// <summary>Removes everything a cluster owns in the cloud.</summary>
public interface IClusterTeardown
{
    /// <summary>
    /// Done once nothing is left (including when nothing was ever created, or the cluster document is gone: then
    /// nothing is left to own); otherwise the permanent problem. Transient failures throw. A supersession, touching
    /// nothing, when another operation than <paramref name="operationId"/> acts on the cluster.
    /// </summary>
    Task<StepOutcome> TearDownAsync(string resourceId, string operationId, CancellationToken cancellationToken);
}
