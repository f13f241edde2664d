namespace Aro.Cloud.Kubernetes;

/// <summary>
/// The Secrets in openshift-machine-api that hold what a machine boots with (its Ignition config under the data key
/// <see cref="UserDataSecrets.UserDataKey"/>), as the installer writes them: a MachineSet's providerSpec names one
/// (<c>userDataSecret</c>) and the machine controller passes it to each new VM as custom data.
/// </summary>
public interface IUserDataSecrets
{
    /// <summary>Creates the Secret, or replaces its user data when it differs; a repeat with the same bytes changes nothing.</summary>
    Task EnsureAsync(KubernetesClusterTarget cluster, string name, byte[] userData, CancellationToken cancellationToken);
}
