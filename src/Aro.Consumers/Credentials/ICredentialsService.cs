namespace Aro.Consumers.Credentials;

/// <summary>Ensures a cluster's kubeadmin password and admin kubeconfig, stored protected on the cluster.</summary>
public interface ICredentialsService
{
    /// <summary>
    /// Idempotent: credentials already issued are kept. Permanent problems (the cluster is gone, its
    /// data is invalid) come back as a failed outcome; transient ones throw.
    /// </summary>
    Task<CredentialsOutcome> IssueAsync(string resourceId, CancellationToken cancellationToken);
}
