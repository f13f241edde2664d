using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Aro.LocalCloud.Tests;

/// <summary>The scale path: KubernetesClient changes MachineSet replicas and worker VMs follow in the ARM view.</summary>
public sealed class MachineSetScalingTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Group = "machine.openshift.io";
    private const string Version = "v1beta1";
    private const string Namespace = "openshift-machine-api";

    private static JsonObject MachineSet(string name, string resourceGroup, int replicas) => new()
    {
        ["apiVersion"] = "machine.openshift.io/v1beta1",
        ["kind"] = "MachineSet",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = Namespace,
            ["labels"] = new JsonObject { ["machine.openshift.io/cluster-api-machine-role"] = "worker" },
        },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["machine.openshift.io/cluster-api-machine-role"] = "worker" } },
                ["spec"] = new JsonObject
                {
                    ["providerSpec"] = new JsonObject
                    {
                        ["value"] = new JsonObject
                        {
                            ["resourceGroup"] = resourceGroup,
                            ["vmSize"] = "Standard_D4s_v3",
                            ["subnet"] = "worker",
                            ["location"] = "eastus",
                            ["image"] = new JsonObject { ["publisher"] = "azureopenshift", ["offer"] = "aro4", ["sku"] = "aro_415", ["version"] = "415.92.20240101" },
                        },
                    },
                },
            },
        },
    };

    private async Task<List<string>> WorkerVmNamesAsync(string resourceGroup)
    {
        var arm = fixture.CreateArmClient();
        var group = arm.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(LocalCloudFixture.SubscriptionId, resourceGroup));
        var vms = await group.GetVirtualMachines().GetAllAsync().ToListAsync();
        return [.. vms.Select(v => v.Data.Name).Where(n => n.Contains("-worker-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    private static JsonElement AsJson(object value) => (JsonElement)value;

    [Fact]
    public async Task Patching_replicas_converges_worker_vms_3_then_5_then_2()
    {
        const string rg = "aro-scale";
        await fixture.CreateResourceGroupAsync(rg);
        var k8s = fixture.CreateKubernetesClient(rg);

        await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(MachineSet("aro-scale-worker-eastus1", rg, 3), Group, Version, Namespace, "machinesets");
        Assert.Equal(["aro-scale-worker-eastus1-0", "aro-scale-worker-eastus1-1", "aro-scale-worker-eastus1-2"], await WorkerVmNamesAsync(rg));

        var list = AsJson(await k8s.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, Namespace, "machinesets"));
        var item = list.GetProperty("items")[0];
        Assert.Equal("aro-scale-worker-eastus1", item.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(3, item.GetProperty("status").GetProperty("readyReplicas").GetInt32());

        await k8s.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch), Group, Version, Namespace, "machinesets", "aro-scale-worker-eastus1");
        Assert.Equal(5, (await WorkerVmNamesAsync(rg)).Count);

        var patched = AsJson(await k8s.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch), Group, Version, Namespace, "machinesets", "aro-scale-worker-eastus1"));
        Assert.Equal(["aro-scale-worker-eastus1-0", "aro-scale-worker-eastus1-1"], await WorkerVmNamesAsync(rg));
        Assert.Equal(2, patched.GetProperty("status").GetProperty("availableReplicas").GetInt32());

        var machines = AsJson(await k8s.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, Namespace, "machines"));
        Assert.Equal(2, machines.GetProperty("items").GetArrayLength());

        var nodes = await k8s.CoreV1.ListNodeAsync();
        Assert.Equal(2, nodes.Items.Count);
        Assert.All(nodes.Items, n => Assert.Contains(n.Status.Conditions, c => c.Type == "Ready" && c.Status == "True"));
    }

    [Fact]
    public async Task Put_replaces_with_optimistic_concurrency_on_resourceVersion()
    {
        const string rg = "aro-put";
        await fixture.CreateResourceGroupAsync(rg);
        var k8s = fixture.CreateKubernetesClient(rg);
        var created = JsonNode.Parse(AsJson(await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(
            MachineSet("aro-put-worker", rg, 1), Group, Version, Namespace, "machinesets")).GetRawText())!.AsObject();

        created["spec"]!["replicas"] = 4;
        var replaced = AsJson(await k8s.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, Group, Version, Namespace, "machinesets", "aro-put-worker"));
        Assert.Equal(4, replaced.GetProperty("status").GetProperty("replicas").GetInt32());
        Assert.Equal(4, (await WorkerVmNamesAsync(rg)).Count);

        // The body still carries the old resourceVersion, so a second replace must be refused.
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            k8s.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, Group, Version, Namespace, "machinesets", "aro-put-worker"));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("\"reason\":\"Conflict\"", conflict.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_clusterversion_and_not_found_status()
    {
        const string rg = "aro-info";
        fixture.Server.Clusters.Ensure(rg, "4.15.30");
        var k8s = fixture.CreateKubernetesClient(rg);

        var version = await k8s.Version.GetCodeAsync();
        Assert.Equal("1", version.Major);

        var clusterVersion = AsJson(await k8s.CustomObjects.GetClusterCustomObjectAsync("config.openshift.io", "v1", "clusterversions", "version"));
        Assert.Equal("4.15.30", clusterVersion.GetProperty("status").GetProperty("desired").GetProperty("version").GetString());

        var missing = await Assert.ThrowsAsync<HttpOperationException>(() =>
            k8s.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, "machinesets", "nope"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);
        var status = JsonNode.Parse(missing.Response.Content)!;
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());

        var unknownCluster = await Assert.ThrowsAsync<HttpOperationException>(() => fixture.CreateKubernetesClient("no-such-cluster").CoreV1.ListNodeAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownCluster.Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_cluster_resource_group_removes_the_simulated_cluster()
    {
        const string rg = "aro-gone";
        await fixture.CreateResourceGroupAsync(rg);
        var k8s = fixture.CreateKubernetesClient(rg);
        await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(MachineSet("aro-gone-worker", rg, 2), Group, Version, Namespace, "machinesets");
        Assert.True(fixture.Server.Clusters.Exists(rg));

        using var response = await fixture.SendAsync(HttpMethod.Delete, $"subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/{rg}?api-version=2022-09-01");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(fixture.Server.Clusters.Exists(rg));
    }
}
