namespace Aro.Consumers.VirtualMachines;

/// <summary>Ensures a cluster's machines: load balancer, masters, workers; the bootstrap machine comes and goes.</summary>
public interface IVirtualMachineProvisioner
{
    /// <summary>Idempotent: a repeat finds what the first attempt created. Permanent problems come back as a failed outcome; transient ones throw.</summary>
    Task<ProvisioningOutcome> ProvisionAsync(string resourceId, CancellationToken cancellationToken);
}
