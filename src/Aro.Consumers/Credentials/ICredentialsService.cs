using Aro.Consumers.Clusters;

namespace Aro.Consumers.Credentials;

/// <summary>Ensures a cluster's kubeadmin password and admin kubeconfig, stored protected on the cluster.</summary>
public interface ICredentialsService
{
    /// <summary>
    /// Idempotent: credentials already issued are kept. Permanent problems (the cluster is gone, its
    /// data is invalid) come back as a failed outcome; transient ones throw. Nothing is written once
    /// <paramref name="operationId"/> no longer acts on the cluster (a skipped outcome).
    /// </summary>
    Task<StepOutcome> IssueAsync(string resourceId, string operationId, CancellationToken cancellationToken);
}
