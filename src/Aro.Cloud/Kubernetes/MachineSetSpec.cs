namespace Aro.Cloud.Kubernetes;

/// <summary>A worker MachineSet to create, as the installer's manifests would.</summary>
/// <param name="Name">Its name, e.g. <c>{infraId}-worker-{location}</c>.</param>
/// <param name="InfraId">The cluster's infra id (the cluster-api-cluster label).</param>
/// <param name="Replicas">How many machines it should run.</param>
/// <param name="ResourceGroup">The cluster resource group's name, where its VMs go.</param>
/// <param name="Location">The region of its VMs.</param>
/// <param name="VmSize">The size of its VMs.</param>
/// <param name="SubnetId">The worker subnet's ARM id.</param>
/// <param name="DiskSizeGB">The OS disk size of its VMs.</param>
/// <param name="UserDataSecret">
/// The Secret in openshift-machine-api whose user data its VMs boot with (see <see cref="IUserDataSecrets"/>); null
/// for none. Its machines get no VM until that Secret exists, so write it first.
/// </param>
public sealed record MachineSetSpec(
    string Name,
    string InfraId,
    int Replicas,
    string ResourceGroup,
    string Location,
    string VmSize,
    string SubnetId,
    int DiskSizeGB = 128,
    string? UserDataSecret = null);
