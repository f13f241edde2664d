using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aro.Cloud.Compute;
using Aro.Cloud.Resources;
using Aro.Consumers.Tests.Ignition;
using Aro.Consumers.Tests.Network;
using Aro.Consumers.VirtualMachines;
using Aro.Contracts;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using k8s;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.VirtualMachines;

public sealed class ProvisionVirtualMachinesConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    private static readonly string InfraId = Aro.Api.Resources.InfraId.For(ValidCluster.ResourceId);

    [Fact]
    public async Task The_same_command_twice_creates_one_set_of_resources_and_no_bootstrap_remains()
    {
        var clusters = new InMemoryClusters(ValidCluster.New(workers: 3));
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider);
        var bootstrapBlob = new Aro.Cloud.Storage.BlobLocation(ValidCluster.ClusterResourceGroupId, Aro.Cloud.Clusters.ClusterResourceNames.StorageAccountFor(ValidCluster.ClusterResourceGroupId), "ignition", "bootstrap.ign");
        var blobs = provider.GetRequiredService<Aro.Cloud.Storage.IBlobStorage>();
        Assert.NotNull(await blobs.DownloadAsync(bootstrapBlob, CancellationToken.None));

        // Only now: a harness whose bus stays idle for its inactivity timeout (1.2 s by default) counts the test as over
        // and answers every later wait at once, so the cloud set up above must not run between its start and the command.
        var harness = await provider.StartTestHarness();
        var command = new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1");

        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));
        var first = Endpoints(clusters);
        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));

        // The endpoints are written into the cluster, the same by the repeat.
        Assert.Equal(first, Endpoints(clusters));
        Assert.Equal("https://api.mycluster.aro.localhost:6443/", first.ApiServerUrl);
        Assert.Equal("https://console-openshift-console.apps.mycluster.aro.localhost/", first.ConsoleUrl);
        Assert.False(string.IsNullOrEmpty(first.ApiServerIp));
        Assert.NotEqual(first.ApiServerIp, first.IngressIp);
        var group = ValidCluster.ClusterResourceGroupId;
        var masters = Enumerable.Range(0, 3).Select(i => $"{InfraId}-master-{i}");
        var workers = Enumerable.Range(0, 3).Select(i => $"{InfraId}-worker-{ValidCluster.Location}-{i}");
        Assert.Equal(masters.Concat(workers).Order(StringComparer.Ordinal), await LocalCloudHarness.VirtualMachinesAsync(provider));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"{InfraId}-master{i}-nic"), await cloud.ListAsync(group, "Microsoft.Network/networkInterfaces"));
        Assert.Equal([$"{InfraId}-default-v4", $"{InfraId}-pip-v4"], await cloud.ListAsync(group, "Microsoft.Network/publicIPAddresses"));
        Assert.Equal([$"{InfraId}-public-lb"], await cloud.ListAsync(group, "Microsoft.Network/loadBalancers"));

        // The bootstrap config holds the pull secret and private keys: gone with the bootstrap VM.
        Assert.Null(await blobs.DownloadAsync(bootstrapBlob, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_cluster_fails_the_step()
    {
        await using var provider = cloud.Start(new InMemoryClusters());
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Equal("ResourceNotFound", Assert.IsType<VirtualMachinesProvisioningFailed>(outcome).Code);
    }

    [Fact]
    public async Task A_command_of_an_operation_that_no_longer_acts_on_the_cluster_creates_nothing_and_reports_nothing()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var published = await LocalCloudHarness.RunToEndAsync<ProvisionVirtualMachinesConsumer, ProvisionVirtualMachines>(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Empty(published);
        Assert.False(await provider.GetRequiredService<IResourceGroups>().ExistsAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None));
    }

    /// <summary>
    /// The operation is looked at before the bootstrap machine, before the control plane (its three machines are made
    /// together) and before the workers: a delete accepted meanwhile stops the step at the next of them.
    /// </summary>
    [Theory]
    [InlineData("bootstrap", new[] { "bootstrap" }, new[] { "bootstrap-nic" })]
    [InlineData("master-0", new[] { "bootstrap", "master-0", "master-1", "master-2" }, new[] { "bootstrap-nic", "master0-nic", "master1-nic", "master2-nic" })]
    public async Task A_delete_starting_mid_step_stops_the_provisioning_at_the_next_look(string deleteAfter, string[] machines, string[] nics)
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        await using var provider = cloud.Start(clusters, services => services.AddSingleton<IVirtualMachines>(
            p => new DeleteRequestedAfter($"{InfraId}-{deleteAfter}", new Aro.Cloud.Compute.VirtualMachines(p.GetRequiredService<ArmClient>()), clusters)));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider);
        var harness = await provider.StartTestHarness();

        var published = await LocalCloudHarness.RunToEndAsync<ProvisionVirtualMachinesConsumer, ProvisionVirtualMachines>(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Empty(published);
        Assert.Equal(machines.Select(name => $"{InfraId}-{name}"), await LocalCloudHarness.VirtualMachinesAsync(provider));
        Assert.Equal(nics.Select(name => $"{InfraId}-{name}"), await cloud.ListAsync(ValidCluster.ClusterResourceGroupId, "Microsoft.Network/networkInterfaces"));
    }

    private static (string? ApiServerUrl, string? ApiServerIp, string? ConsoleUrl, string? IngressIp) Endpoints(InMemoryClusters clusters)
    {
        var properties = clusters.Stored(ValidCluster.ResourceId)!.Properties;
        return (properties.ApiServerProfile.Url, properties.ApiServerProfile.Ip, properties.ConsoleProfile.Url, properties.IngressProfiles.Single().Ip);
    }

    [Fact]
    public async Task Every_machine_boots_from_an_ignition_pointer_config_as_the_installer_gives_it()
    {
        var bootstrapConfig = """{"ignition":{"version":"3.2.0"},"storage":{"files":[{"path":"/etc/hostname","contents":{"source":"data:,bootstrap"}}]}}"""u8.ToArray();
        var created = new List<(string Name, string CustomData, HttpStatusCode Read, string ReadContent, HttpStatusCode Write)>();
        using var http = new HttpClient(cloud.Server.CreateHttpMessageHandler());
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New()), services => services.AddSingleton<IVirtualMachines>(
            p => new ReadBackAfterCreate(new Aro.Cloud.Compute.VirtualMachines(p.GetRequiredService<ArmClient>()), p.GetRequiredService<ArmClient>(), http, created)));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider, bootstrapConfig);
        var harness = await provider.StartTestHarness();

        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1")));

        // The bootstrap machine first; the three masters together, so in any order.
        Assert.Equal($"{InfraId}-bootstrap", created[0].Name);
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"{InfraId}-master-{i}"), created.Skip(1).Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var (name, customData, _, _, _) in created)
        {
            await IgnitionValidator.AssertValidAsync(Encoding.UTF8.GetBytes(customData), name);
        }

        // The bootstrap VM: its config replaced by the one in blob storage, through a read-only SAS URL that works without credentials.
        var bootstrap = created[0];
        var source = new Uri(JsonNode.Parse(bootstrap.CustomData)!["ignition"]!["config"]!["replace"]!["source"]!.GetValue<string>());
        Assert.Contains("sp=r&", source.Query, StringComparison.Ordinal);
        Assert.EndsWith("/ignition/bootstrap.ign", source.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, Encoding.UTF8.GetString(bootstrapConfig), HttpStatusCode.Forbidden), (bootstrap.Read, bootstrap.ReadContent, bootstrap.Write));

        // Masters: merge the machine config server's config on the API's internal name, trusting the cluster's root CA.
        foreach (var master in created.Skip(1))
        {
            var ignition = JsonNode.Parse(master.CustomData)!["ignition"]!;
            Assert.Equal("https://api-int.mycluster.aro.localhost:22623/config/master", ignition["config"]!["merge"]![0]!["source"]!.GetValue<string>());
            var ca = ignition["security"]!["tls"]!["certificateAuthorities"]![0]!["source"]!.GetValue<string>();
            Assert.Equal(ValidCluster.Pki.RootCaCertificatePem, Encoding.UTF8.GetString(Convert.FromBase64String(ca[(ca.IndexOf(',', StringComparison.Ordinal) + 1)..])));
        }
    }

    [Fact]
    public async Task Every_worker_boots_from_the_worker_pointer_config_in_the_user_data_secret_its_machine_set_names()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New(workers: 3)));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        await LocalCloudHarness.StoreBootstrapConfigAsync(provider);
        using var kubernetes = cloud.CreateKubernetesClient(ValidCluster.ClusterResourceGroupName);
        var harness = await provider.StartTestHarness();
        var command = new ProvisionVirtualMachines(Guid.NewGuid(), ValidCluster.ResourceId, "op-1");

        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));
        var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync("worker-user-data", "openshift-machine-api");
        Assert.IsType<VirtualMachinesProvisioned>(await LocalCloudHarness.RunAsync(harness, command));

        // A redelivered command writes the same bytes: the Secret is left as it was.
        var again = await kubernetes.CoreV1.ReadNamespacedSecretAsync("worker-user-data", "openshift-machine-api");
        Assert.Equal(secret.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
        var machineSet = (System.Text.Json.JsonElement)await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(
            "machine.openshift.io", "v1beta1", "openshift-machine-api", "machinesets", $"{InfraId}-worker-{ValidCluster.Location}");
        Assert.Equal("worker-user-data", machineSet.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("providerSpec")
            .GetProperty("value").GetProperty("userDataSecret").GetProperty("name").GetString());

        var workers = await MachineCustomData.WorkersAsync(provider);
        Assert.Equal(3, workers.Count);
        foreach (var (name, customData) in workers)
        {
            Assert.Equal(Encoding.UTF8.GetString(secret.Data["userData"]), customData);
            await MachineCustomData.AssertPointerAsync(name, customData, "worker");
        }
    }

    /// <summary>
    /// The cloud's VMs, each read back from the cloud once created: its custom data as the cloud keeps it, and for the
    /// bootstrap VM what its config URL answers right then (a read, and a write with the same URL).
    /// </summary>
    private sealed class ReadBackAfterCreate(IVirtualMachines inner, ArmClient arm, HttpClient http, List<(string, string, HttpStatusCode, string, HttpStatusCode)> created) : IVirtualMachines
    {
        public async Task<VirtualMachineInfo> EnsureAsync(VirtualMachineSpec spec, CancellationToken cancellationToken)
        {
            var vm = await inner.EnsureAsync(spec, cancellationToken);
            var data = (await arm.GetVirtualMachineResource(new ResourceIdentifier(vm.Id)).GetAsync(cancellationToken: cancellationToken)).Value.Data;
            var customData = Encoding.UTF8.GetString(Convert.FromBase64String(data.OSProfile.CustomData));
            var (read, content, write) = (HttpStatusCode.NotFound, "", HttpStatusCode.NotFound);
            if (JsonNode.Parse(customData)?["ignition"]?["config"]?["replace"]?["source"]?.GetValue<string>() is { } source)
            {
                using var get = await http.GetAsync(source, cancellationToken);
                using var put = await http.PutAsync(source, new StringContent("{}") { Headers = { { "x-ms-blob-type", "BlockBlob" } } }, cancellationToken);
                (read, content, write) = (get.StatusCode, await get.Content.ReadAsStringAsync(cancellationToken), put.StatusCode);
            }

            // The masters are made together: one at a time into the list.
            lock (created)
            {
                created.Add((spec.Name, customData, read, content, write));
            }

            return vm;
        }

        public Task<IReadOnlyList<VirtualMachineInfo>> ListAsync(string resourceGroupId, CancellationToken cancellationToken) =>
            inner.ListAsync(resourceGroupId, cancellationToken);

        public Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken) =>
            inner.DeleteAsync(resourceGroupId, name, cancellationToken);
    }

    /// <summary>The cloud's VMs, with the frontend accepting a delete of the cluster as soon as the named machine exists.</summary>
    private sealed class DeleteRequestedAfter(string machine, IVirtualMachines inner, InMemoryClusters clusters) : IVirtualMachines
    {
        public async Task<VirtualMachineInfo> EnsureAsync(VirtualMachineSpec spec, CancellationToken cancellationToken)
        {
            var vm = await inner.EnsureAsync(spec, cancellationToken);
            if (spec.Name == machine)
            {
                clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
            }

            return vm;
        }

        public Task<IReadOnlyList<VirtualMachineInfo>> ListAsync(string resourceGroupId, CancellationToken cancellationToken) =>
            inner.ListAsync(resourceGroupId, cancellationToken);

        public Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken) =>
            inner.DeleteAsync(resourceGroupId, name, cancellationToken);
    }
}
