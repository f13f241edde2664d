using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Aro.Cloud.Kubernetes;

public sealed class MachineSets(KubernetesClientFactory clients, IOptions<CloudOptions> options, TimeProvider timeProvider) : IMachineSets
{
    private const string Group = "machine.openshift.io";
    private const string Version = "v1beta1";
    private const string Namespace = "openshift-machine-api";
    private const string Plural = "machinesets";
    private const string ClusterLabel = "machine.openshift.io/cluster-api-cluster";
    private const string MachineSetLabel = "machine.openshift.io/cluster-api-machineset";
    private const string RoleLabel = "machine.openshift.io/cluster-api-machine-role";
    private const string TypeLabel = "machine.openshift.io/cluster-api-machine-type";

    private readonly CloudOptions _options = options.Value;

    public async Task<IReadOnlyList<MachineSet>> ListAsync(KubernetesClusterTarget cluster, CancellationToken cancellationToken)
    {
        var client = clients.For(cluster);
        return await ListAsync(client, cancellationToken);
    }

    public async Task EnsureAsync(KubernetesClusterTarget cluster, MachineSetSpec spec, CancellationToken cancellationToken)
    {
        var client = clients.For(cluster);
        try
        {
            await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, Plural, spec.Name, cancellationToken);
            return;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Not there yet: create it below.
        }

        try
        {
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(Body(spec), Group, Version, Namespace, Plural, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Created concurrently by another attempt of the same step.
        }
    }

    public async Task ScaleAsync(KubernetesClusterTarget cluster, string name, int replicas, CancellationToken cancellationToken)
    {
        var client = clients.For(cluster);
        var patch = new V1Patch(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }.ToJsonString(), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, Group, Version, Namespace, Plural, name, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<MachineSet>> WaitUntilReadyAsync(KubernetesClusterTarget cluster, Func<MachineSet, bool> include, CancellationToken cancellationToken)
    {
        var client = clients.For(cluster);
        var deadline = timeProvider.GetUtcNow() + _options.MachineSetReadyTimeout;
        while (true)
        {
            var sets = (await ListAsync(client, cancellationToken)).Where(include).ToArray();
            if (sets.All(s => s.IsReady))
            {
                return sets;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                var waiting = string.Join(", ", sets.Where(s => !s.IsReady).Select(s => $"{s.Name} {s.ReadyReplicas}/{s.Replicas}"));
                throw new TimeoutException($"MachineSets not ready after {_options.MachineSetReadyTimeout}: {waiting}.");
            }

            await Task.Delay(_options.KubernetesPollInterval, timeProvider, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<MachineSet>> ListAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, Namespace, Plural, cancellationToken: cancellationToken);
        var node = JsonSerializer.SerializeToNode(list);
        var items = node?["items"] as JsonArray ?? [];
        return items.OfType<JsonObject>().Select(Parse).ToArray();
    }

    private static MachineSet Parse(JsonObject item)
    {
        var name = item["metadata"]?["name"]?.GetValue<string>() ?? "";
        var role = item["spec"]?["template"]?["metadata"]?["labels"]?[RoleLabel]?.GetValue<string>();
        var replicas = item["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        var ready = item["status"]?["readyReplicas"]?.GetValue<int>() ?? 0;
        return new MachineSet(name, role, replicas, ready);
    }

    private static JsonObject Body(MachineSetSpec spec)
    {
        var subnet = Azure.Core.ResourceIdentifier.Parse(spec.SubnetId);
        var labels = new JsonObject
        {
            [ClusterLabel] = spec.InfraId,
            [MachineSetLabel] = spec.Name,
        };
        var templateLabels = new JsonObject
        {
            [ClusterLabel] = spec.InfraId,
            [MachineSetLabel] = spec.Name,
            [RoleLabel] = "worker",
            [TypeLabel] = "worker",
        };
        return new JsonObject
        {
            ["apiVersion"] = $"{Group}/{Version}",
            ["kind"] = "MachineSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = spec.Name,
                ["namespace"] = Namespace,
                ["labels"] = new JsonObject { [ClusterLabel] = spec.InfraId },
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = spec.Replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = labels },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = templateLabels },
                    ["spec"] = new JsonObject
                    {
                        ["providerSpec"] = new JsonObject
                        {
                            ["value"] = new JsonObject
                            {
                                ["apiVersion"] = "machine.openshift.io/v1beta1",
                                ["kind"] = "AzureMachineProviderSpec",
                                ["location"] = spec.Location,
                                ["resourceGroup"] = spec.ResourceGroup,
                                ["vmSize"] = spec.VmSize,
                                ["networkResourceGroup"] = subnet.ResourceGroupName,
                                ["vnet"] = subnet.Parent?.Name,
                                ["subnet"] = subnet.Name,
                                ["publicIP"] = false,
                                ["userDataSecret"] = spec.UserDataSecret is null ? null : new JsonObject { ["name"] = spec.UserDataSecret },
                                ["osDisk"] = new JsonObject
                                {
                                    ["diskSizeGB"] = spec.DiskSizeGB,
                                    ["osType"] = "Linux",
                                    ["managedDisk"] = new JsonObject { ["storageAccountType"] = "Premium_LRS" },
                                },
                            },
                        },
                    },
                },
            },
        };
    }
}
