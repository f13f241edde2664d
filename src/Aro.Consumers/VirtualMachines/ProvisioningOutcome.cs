using Aro.Api;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.VirtualMachines;

/// <summary>
/// The result of <see cref="IVirtualMachineProvisioner.ProvisionAsync"/>: the cluster's endpoints, a permanent ARM
/// error, or nothing more created because the operation stopped acting on the cluster.
/// </summary>
public sealed record ProvisioningOutcome(ClusterEndpoints? Endpoints, CloudErrorBody? Error, Supersession? Superseded)
{
    public static ProvisioningOutcome Provisioned(ClusterEndpoints endpoints) => new(endpoints, null, null);

    public static ProvisioningOutcome Failed(CloudErrorBody error) => new(null, error, null);

    public static ProvisioningOutcome Skipped(Supersession superseded) => new(null, null, superseded);
}
