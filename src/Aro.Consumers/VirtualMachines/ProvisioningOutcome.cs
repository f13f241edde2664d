using Aro.Api;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.VirtualMachines;

/// <summary>
/// The result of <see cref="IVirtualMachineProvisioner.ProvisionAsync"/>: the cluster's endpoints, a permanent ARM
/// error, or nothing more created because of a <see cref="Clusters.Supersession"/>.
/// </summary>
public sealed record ProvisioningOutcome(ClusterEndpoints? Endpoints, CloudErrorBody? Error, Supersession? Supersession)
{
    public static ProvisioningOutcome Provisioned(ClusterEndpoints endpoints) => new(endpoints, null, null);

    public static ProvisioningOutcome Failed(CloudErrorBody error) => new(null, error, null);

    public static ProvisioningOutcome Of(Supersession supersession) => new(null, null, supersession);

    /// <summary>The provisioning a step outcome other than success ends.</summary>
    public static ProvisioningOutcome Ended(StepOutcome outcome) => new(null, outcome.Error, outcome.Supersession);
}
