using Aro.Consumers.Clusters;

namespace Aro.Consumers.Ignition;

/// <summary>Ensures a cluster's InfraId, PKI and stored Ignition configs.</summary>
public interface IIgnitionService
{
    /// <summary>
    /// Idempotent: a repeat stores the same configs again and keeps the existing CA. Permanent problems
    /// (the cluster is gone, its data is invalid) come back as a failed outcome; transient ones throw. Nothing is
    /// written once <paramref name="operationId"/> no longer acts on the cluster (a skipped outcome).
    /// </summary>
    Task<StepOutcome> GenerateAsync(string resourceId, string operationId, CancellationToken cancellationToken);
}
