using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Aro.Cloud.Compute;
using Aro.Cloud.Kubernetes;
using Aro.Cloud.Network;
using Aro.Consumers.Clusters;
using Aro.Consumers.Ignition;
using Azure;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.VirtualMachines;

/// <summary>
/// The installer's sequence, as ensure operations: the cluster resource group; the API and ingress public
/// IPs; the public load balancer on the API IP; a bootstrap and three master VMs behind it (master subnet,
/// masterProfile.vmSize); through the cluster's Kubernetes API, the workers' user-data Secret (their Ignition pointer
/// config) and the worker MachineSet naming it, waited on until its machines are ready; then the bootstrap VM, its NIC
/// and its Ignition config (which holds secrets) go. A delete can supersede the operation at any point, and its
/// teardown must not race machines still being created: the operation is checked again before every VM and the
/// MachineSet, and while waiting.
/// </summary>
public sealed class VirtualMachineProvisioner(
    IClusterDocuments documents,
    ClusterResourceGroup clusterResourceGroup,
    IPublicIpAddresses publicIps,
    ILoadBalancers loadBalancers,
    INetworkInterfaces networkInterfaces,
    IVirtualMachines virtualMachines,
    IMachineSets machineSets,
    IUserDataSecrets userDataSecrets,
    IIgnitionStore ignition,
    IOptions<CloudOptions> options,
    TimeProvider timeProvider) : IVirtualMachineProvisioner
{
    /// <summary>
    /// How long the bootstrap VM's link to its config is valid: Ignition fetches it in the first minutes of the first
    /// boot, and the config holds the cluster's private keys.
    /// </summary>
    public static readonly TimeSpan BootstrapConfigUrlLifetime = TimeSpan.FromHours(1);

    private readonly CloudOptions _options = options.Value;

    public async Task<StepOutcome> ProvisionAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (stored, supersession) = await documents.ReadForStepAsync(resourceId, operationId, cancellationToken);
        if (stored is null)
        {
            return supersession!;
        }

        var cluster = stored.Cluster;
        if (cluster.Properties.WorkerProfiles.Count == 0)
        {
            return StepOutcome.Failed(new CloudErrorBody(CloudErrorCodes.InvalidParameter, "The cluster has no worker profile.", "properties.workerProfiles"));
        }

        try
        {
            return await ProvisionAsync(resourceId, operationId, stored, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsPermanent())
        {
            return StepOutcome.Failed(e.ToCloudError(cluster.Properties.ClusterProfile.ResourceGroupId));
        }
    }

    private async Task<StepOutcome> ProvisionAsync(string resourceId, string operationId, StoredCluster stored, CancellationToken cancellationToken)
    {
        var cluster = stored.Cluster;
        Task<Supersession?> CheckOperationAsync() => documents.CheckOperationAsync(resourceId, operationId, cancellationToken);

        var names = ClusterResourceNames.For(cluster);
        var domain = ClusterDomain.For(cluster, _options);
        var group = names.ResourceGroupId;
        var location = cluster.Location;
        var masterProfile = cluster.Properties.MasterProfile;
        var rootCa = cluster.Properties.Pki?.RootCaCertificatePem
            ?? throw new InvalidOperationException("The cluster has no PKI yet: the Ignition step makes it before the machines.");

        if (await clusterResourceGroup.EnsureAsync(cluster, cancellationToken) is { } notOwned)
        {
            return StepOutcome.Failed(notOwned);
        }

        var apiIp = await publicIps.EnsureAsync(group, names.ApiPublicIp, location, cancellationToken);
        var ingressIp = await publicIps.EnsureAsync(group, names.IngressPublicIp, location, cancellationToken);
        var loadBalancer = await loadBalancers.EnsureAsync(group, names.PublicLoadBalancer, location, apiIp.Id, cancellationToken);

        var kubernetes = Target(cluster, names, domain);
        var machineSetName = names.WorkerMachineSet(location);

        // Once the workers' MachineSet exists the cluster is past bootstrapping: a repeat must not bring it back.
        if (!await PastBootstrapAsync(group, names, kubernetes, machineSetName, cancellationToken))
        {
            if (await CheckOperationAsync() is { } supersession)
            {
                return StepOutcome.Of(supersession);
            }

            var bootstrapNic = await networkInterfaces.EnsureAsync(group, names.BootstrapNic, location, masterProfile.SubnetId, loadBalancer.BackendAddressPoolId, cancellationToken);
            var bootstrapConfigUrl = await ignition.CreateReadUrlAsync(group, IgnitionRoles.Bootstrap, BootstrapConfigUrlLifetime, cancellationToken);
            await virtualMachines.EnsureAsync(
                new VirtualMachineSpec(group, names.BootstrapVm, location, masterProfile.VmSize, bootstrapNic, CustomData(IgnitionConfigs.BootstrapPointer(bootstrapConfigUrl))),
                cancellationToken);
        }

        if (await CheckOperationAsync() is { } supersessionBeforeMasters)
        {
            return StepOutcome.Of(supersessionBeforeMasters);
        }

        // The control plane's machines are made together, as the installer's deployment makes them: a create waits for
        // one VM's time instead of three, and the operation is looked at once for the three instead of once each.
        var masterConfig = CustomData(IgnitionConfigs.Pointer(domain.Fqdn, IgnitionRoles.Master, rootCa));
        await Task.WhenAll(Enumerable.Range(0, ClusterResourceNames.MasterCount).Select(async i =>
        {
            var nic = await networkInterfaces.EnsureAsync(group, names.MasterNic(i), location, masterProfile.SubnetId, loadBalancer.BackendAddressPoolId, cancellationToken);
            await virtualMachines.EnsureAsync(new VirtualMachineSpec(group, names.MasterVm(i), location, masterProfile.VmSize, nic, masterConfig), cancellationToken);
        }));

        if (await CheckOperationAsync() is { } supersessionBeforeWorkers)
        {
            return StepOutcome.Of(supersessionBeforeWorkers);
        }

        // As the installer does: the workers' pointer config goes into the Secret their MachineSet names, which the
        // machine controller hands each new worker VM as custom data; written first, so no worker waits for it.
        await userDataSecrets.EnsureAsync(
            kubernetes, UserDataSecrets.WorkerSecretName, IgnitionConfigs.Pointer(domain.Fqdn, IgnitionRoles.Worker, rootCa), cancellationToken);
        var worker = cluster.Properties.WorkerProfiles[0];
        await machineSets.EnsureAsync(
            kubernetes,
            new MachineSetSpec(machineSetName, names.InfraId, cluster.Properties.WorkerCount(), names.ResourceGroupName, location, worker.VmSize, worker.SubnetId, worker.DiskSizeGB > 0 ? worker.DiskSizeGB : 128,
                UserDataSecrets.WorkerSecretName),
            cancellationToken);
        var supersessionWhileWaiting = await documents.WaitWhileCurrentAsync(
            resourceId,
            operationId,
            waitCancellation => machineSets.WaitUntilReadyAsync(kubernetes, set => set.Name == machineSetName, waitCancellation),
            _options.KubernetesPollInterval,
            timeProvider,
            cancellationToken);
        if (supersessionWhileWaiting is not null)
        {
            return StepOutcome.Of(supersessionWhileWaiting);
        }

        await virtualMachines.DeleteAsync(group, names.BootstrapVm, cancellationToken);
        await networkInterfaces.DeleteAsync(group, names.BootstrapNic, cancellationToken);

        // The bootstrap config holds the pull secret and the cluster's private keys; nothing reads it once its VM is gone.
        await ignition.DeleteAsync(group, IgnitionRoles.Bootstrap, cancellationToken);

        return await RecordEndpointsAsync(stored, resourceId, operationId, domain.ApiServerUrl, Address(apiIp), domain.ConsoleUrl, Address(ingressIp), cancellationToken);
    }

    // Like every other step's result (credentials, PKI), the endpoints go straight into the cluster on behalf of the
    // operation, so no event carries them and a superseded operation cannot write them. Written on the ETag the step
    // began with: the operation's checks since only read, so unless somebody wrote meanwhile no read is needed.
    private async Task<StepOutcome> RecordEndpointsAsync(
        StoredCluster basis, string resourceId, string operationId, string apiServerUrl, string apiServerIp, string consoleUrl, string ingressIp, CancellationToken cancellationToken)
    {
        var written = await documents.UpdateAsync(basis, resourceId, operationId, cluster =>
        {
            var properties = cluster.Properties;
            properties.ApiServerProfile.Url = apiServerUrl;
            properties.ApiServerProfile.Ip = apiServerIp;
            properties.ConsoleProfile.Url = consoleUrl;
            foreach (var ingress in properties.IngressProfiles)
            {
                ingress.Ip = ingressIp;
            }
        }, cancellationToken);
        return written.ForStep(resourceId, operationId).Supersession ?? StepOutcome.Done;
    }

    private async Task<bool> PastBootstrapAsync(string group, ClusterResourceNames names, KubernetesClusterTarget kubernetes, string machineSetName, CancellationToken cancellationToken)
    {
        var existing = (await virtualMachines.ListAsync(group, cancellationToken)).Select(vm => vm.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!Enumerable.Range(0, ClusterResourceNames.MasterCount).All(i => existing.Contains(names.MasterVm(i))))
        {
            return false;
        }

        try
        {
            var sets = await machineSets.ListAsync(kubernetes, cancellationToken);
            return sets.Any(s => s.Name == machineSetName);
        }
        catch (Exception e) when (e is HttpRequestException || (e is k8s.Autorest.HttpOperationException refused && !IsRefusal(refused)))
        {
            // The API server does not answer yet (or not this API): the cluster is still bootstrapping. A refusal of
            // the admin credentials will not pass by waiting and fails the step (PermanentCloudRefusals).
            return false;
        }
    }

    private static bool IsRefusal(k8s.Autorest.HttpOperationException exception) =>
        exception.Response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden;

    private static KubernetesClusterTarget Target(OpenShiftCluster cluster, ClusterResourceNames names, ClusterDomain domain)
    {
        var pki = cluster.Properties.Pki;
        return new KubernetesClusterTarget(names.ResourceGroupName, domain.ApiServerUrl, pki?.RootCaCertificatePem, pki?.AdminClientCertificatePem, pki?.AdminClientKeyPem);
    }

    private static string CustomData(byte[] ignitionConfig) => System.Text.Encoding.UTF8.GetString(ignitionConfig);

    private static string Address(PublicIpAddress ip) =>
        ip.IpAddress ?? throw new InvalidOperationException($"The public IP '{ip.Id}' has no address yet.");
}
