using Aro.Api;

namespace Aro.Consumers.VirtualMachines;

/// <summary>The result of <see cref="IVirtualMachineProvisioner.ProvisionAsync"/>: the cluster's endpoints, or a permanent ARM error.</summary>
public sealed record ProvisioningOutcome(ClusterEndpoints? Endpoints, CloudErrorBody? Error)
{
    public static ProvisioningOutcome Provisioned(ClusterEndpoints endpoints) => new(endpoints, null);

    public static ProvisioningOutcome Failed(CloudErrorBody error) => new(null, error);
}
