using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using k8s;
using k8s.Models;

namespace Aro.LocalCloud.Tests.Kubernetes;

/// <summary>The machine controller boots each new VM from the user-data Secret its MachineSet names, as the Azure machine controller does.</summary>
public sealed class MachineUserDataTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Group = "machine.openshift.io";
    private const string Version = "v1beta1";
    private const string Namespace = "openshift-machine-api";

    private static JsonObject MachineSet(string name, string resourceGroup, int replicas, string? userDataSecret) => new()
    {
        ["apiVersion"] = "machine.openshift.io/v1beta1",
        ["kind"] = "MachineSet",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["template"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["providerSpec"] = new JsonObject
                    {
                        ["value"] = new JsonObject
                        {
                            ["resourceGroup"] = resourceGroup,
                            ["location"] = "eastus",
                            ["userDataSecret"] = userDataSecret is null ? null : new JsonObject { ["name"] = userDataSecret },
                        },
                    },
                },
            },
        },
    };

    private static V1Secret Secret(string userData) => new()
    {
        Metadata = new V1ObjectMeta { Name = "worker-user-data", NamespaceProperty = Namespace },
        Data = new Dictionary<string, byte[]> { ["userData"] = Encoding.UTF8.GetBytes(userData) },
    };

    /// <summary>Each worker VM of the group by name, with its custom data decoded (null when it has none).</summary>
    private async Task<List<(string Name, string? CustomData)>> WorkerVmsAsync(string resourceGroup)
    {
        var arm = fixture.CreateArmClient();
        var group = arm.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(LocalCloudFixture.SubscriptionId, resourceGroup));
        var vms = await group.GetVirtualMachines().GetAllAsync().ToListAsync();
        return [.. vms
            .Select(v => (v.Data.Name, v.Data.OSProfile?.CustomData is { } data ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : null))
            .OrderBy(v => v.Name, StringComparer.Ordinal)];
    }

    private static async Task<JsonElement> MachineSetAsync(IKubernetes k8s, string name) =>
        (JsonElement)await k8s.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, "machinesets", name);

    [Fact]
    public async Task Every_new_worker_vm_gets_the_secrets_user_data_as_custom_data()
    {
        const string rg = "aro-userdata";
        await fixture.CreateResourceGroupAsync(rg);
        var k8s = fixture.CreateKubernetesClient(rg);
        await k8s.CoreV1.CreateNamespacedSecretAsync(Secret("""{"ignition":{"version":"3.2.0"}}"""), Namespace);

        await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(MachineSet("aro-userdata-worker", rg, 2, "worker-user-data"), Group, Version, Namespace, "machinesets");
        await k8s.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch), Group, Version, Namespace, "machinesets", "aro-userdata-worker");

        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => ($"aro-userdata-worker-{i}", (string?)"""{"ignition":{"version":"3.2.0"}}""")),
            await WorkerVmsAsync(rg));
    }

    [Fact]
    public async Task A_machine_waits_without_a_vm_until_its_user_data_secret_exists()
    {
        const string rg = "aro-userdata-wait";
        await fixture.CreateResourceGroupAsync(rg);
        var k8s = fixture.CreateKubernetesClient(rg);

        await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(MachineSet("aro-userdata-wait-worker", rg, 2, "worker-user-data"), Group, Version, Namespace, "machinesets");

        Assert.Empty(await WorkerVmsAsync(rg));
        var waiting = await MachineSetAsync(k8s, "aro-userdata-wait-worker");
        Assert.Equal((2, 0), (waiting.GetProperty("status").GetProperty("replicas").GetInt32(), waiting.GetProperty("status").GetProperty("readyReplicas").GetInt32()));
        var machine = (JsonElement)await k8s.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, "machines", "aro-userdata-wait-worker-0");
        Assert.Equal("Provisioning", machine.GetProperty("status").GetProperty("phase").GetString());
        var condition = machine.GetProperty("status").GetProperty("providerStatus").GetProperty("conditions")[0];
        Assert.Equal(("MachineCreated", "False"), (condition.GetProperty("type").GetString(), condition.GetProperty("status").GetString()));
        Assert.Contains("openshift-machine-api/worker-user-data", condition.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Creating the Secret is what the controller was waiting for: the machines get their VMs at once.
        await k8s.CoreV1.CreateNamespacedSecretAsync(Secret("{}"), Namespace);

        Assert.Equal([("aro-userdata-wait-worker-0", "{}"), ("aro-userdata-wait-worker-1", (string?)"{}")], await WorkerVmsAsync(rg));
        Assert.Equal(2, (await MachineSetAsync(k8s, "aro-userdata-wait-worker")).GetProperty("status").GetProperty("readyReplicas").GetInt32());
    }

    [Fact]
    public async Task A_machine_set_that_names_no_secret_makes_vms_without_custom_data()
    {
        const string rg = "aro-userdata-none";
        await fixture.CreateResourceGroupAsync(rg);
        var k8s = fixture.CreateKubernetesClient(rg);

        await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(MachineSet("aro-userdata-none-worker", rg, 1, userDataSecret: null), Group, Version, Namespace, "machinesets");

        Assert.Equal([("aro-userdata-none-worker-0", (string?)null)], await WorkerVmsAsync(rg));
    }
}
