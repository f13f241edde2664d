using Aro.Consumers.Clusters;

namespace Aro.Consumers.VirtualMachines;

/// <summary>Ensures a cluster's machines: load balancer, masters, workers; the bootstrap machine comes and goes.</summary>
public interface IVirtualMachineProvisioner
{
    /// <summary>
    /// Idempotent: a repeat finds what the first attempt created. On success the cluster's endpoints (API server and
    /// console URLs, API and ingress IPs) are written into the cluster. Permanent problems come back as a failed outcome;
    /// transient ones throw. Before each machine (and while waiting for the workers) it checks that
    /// <paramref name="operationId"/> still acts on the cluster, and stops with a skipped outcome once it does not.
    /// </summary>
    Task<StepOutcome> ProvisionAsync(string resourceId, string operationId, CancellationToken cancellationToken);
}
