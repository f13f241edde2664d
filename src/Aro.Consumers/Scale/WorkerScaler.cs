using Aro.Api;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Cloud.Kubernetes;
using Aro.Consumers.Clusters;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Scale;

/// <summary>
/// Reads the worker MachineSets through the cluster's Kubernetes API, spreads the requested total over them
/// (the first ones take the remainder, so the result is the same every time), patches the replicas that
/// differ and waits until every worker MachineSet reports its machines ready, or until the operation stops acting on
/// the cluster.
/// </summary>
public sealed class WorkerScaler(IClusterDocuments documents, IMachineSets machineSets, IOptions<CloudOptions> options, TimeProvider timeProvider) : IWorkerScaler
{
    private const string WorkerRole = "worker";

    private readonly CloudOptions _options = options.Value;

    public async Task<StepOutcome> ScaleAsync(string resourceId, string operationId, int workerCount, CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return supersession!;
        }

        var cluster = stored.Cluster;
        if (workerCount < 0)
        {
            return StepOutcome.Failed(new CloudErrorBody(CloudErrorCodes.InvalidParameter, $"The worker count '{workerCount}' is invalid.", "properties.workerProfiles['worker'].count"));
        }

        var names = ClusterResourceNames.For(cluster);
        var domain = ClusterDomain.For(cluster, _options);
        var pki = cluster.Properties.Pki;
        var kubernetes = new KubernetesClusterTarget(names.ResourceGroupName, domain.ApiServerUrl, pki?.RootCaCertificatePem, pki?.AdminClientCertificatePem, pki?.AdminClientKeyPem);

        var workers = (await machineSets.ListAsync(kubernetes, cancellationToken))
            .Where(IsWorker)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
        if (workers.Length == 0)
        {
            return StepOutcome.Failed(new CloudErrorBody(CloudErrorCodes.RequestNotAllowed, "The cluster has no worker MachineSets to scale.", "properties.workerProfiles"));
        }

        for (var i = 0; i < workers.Length; i++)
        {
            var replicas = (workerCount / workers.Length) + (i < workerCount % workers.Length ? 1 : 0);
            if (workers[i].Replicas != replicas)
            {
                await machineSets.ScaleAsync(kubernetes, workers[i].Name, replicas, cancellationToken);
            }
        }

        var supersessionWhileWaiting = await documents.WaitWhileCurrentAsync(
            resourceId,
            operationId,
            waitCancellation => machineSets.WaitUntilReadyAsync(kubernetes, IsWorker, waitCancellation),
            _options.KubernetesPollInterval,
            timeProvider,
            cancellationToken);
        return supersessionWhileWaiting is null ? StepOutcome.Done : StepOutcome.Of(supersessionWhileWaiting);
    }

    private static bool IsWorker(MachineSet set) => set.Role is null or WorkerRole;
}
