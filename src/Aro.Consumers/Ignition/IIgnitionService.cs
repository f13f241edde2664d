namespace Aro.Consumers.Ignition;

/// <summary>Ensures a cluster's InfraId, PKI and stored Ignition configs.</summary>
public interface IIgnitionService
{
    /// <summary>
    /// Idempotent: a repeat stores the same configs again and keeps the existing CA. Permanent problems
    /// (the cluster is gone, its data is invalid) come back as a failed outcome; transient ones throw.
    /// </summary>
    Task<IgnitionOutcome> GenerateAsync(string resourceId, CancellationToken cancellationToken);
}
