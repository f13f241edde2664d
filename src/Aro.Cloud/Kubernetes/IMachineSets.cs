namespace Aro.Cloud.Kubernetes;

/// <summary>The MachineSets (machine.openshift.io/v1beta1, namespace openshift-machine-api) of a cluster.</summary>
public interface IMachineSets
{
    Task<IReadOnlyList<MachineSet>> ListAsync(KubernetesClusterTarget cluster, CancellationToken cancellationToken);

    /// <summary>Creates the MachineSet unless one of that name exists (an existing one is left as it is).</summary>
    Task EnsureAsync(KubernetesClusterTarget cluster, MachineSetSpec spec, CancellationToken cancellationToken);

    /// <summary>Sets spec.replicas of the named MachineSet.</summary>
    Task ScaleAsync(KubernetesClusterTarget cluster, string name, int replicas, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until every MachineSet accepted by <paramref name="include"/> reports as many ready replicas as it
    /// asks for; throws <see cref="TimeoutException"/> after <see cref="CloudOptions.MachineSetReadyTimeout"/>.
    /// </summary>
    Task<IReadOnlyList<MachineSet>> WaitUntilReadyAsync(KubernetesClusterTarget cluster, Func<MachineSet, bool> include, CancellationToken cancellationToken);
}
