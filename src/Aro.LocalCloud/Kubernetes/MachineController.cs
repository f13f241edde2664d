using System.Globalization;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Arm;
using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>
/// The simulated machine-api: turns each MachineSet's spec.replicas into Machines and worker VMs in the
/// ARM store. It runs synchronously, inside the same store write as the change that triggered it, so a
/// caller that has seen its PATCH answered can immediately observe the converged VMs (no polling in tests).
/// </summary>
internal sealed class MachineController
{
    public void Reconcile(LocalCloudState state, SimulatedClusterState cluster)
    {
        foreach (var machineSet in cluster.MachineSets.Values.ToList())
        {
            ReconcileMachineSet(state, cluster, machineSet);
        }

        // Machines whose MachineSet was deleted go with it, as the owner reference says.
        foreach (var orphan in cluster.Machines.Values
            .Where(m => !cluster.MachineSets.ContainsKey(OwnerName(m) ?? ""))
            .ToList())
        {
            DeleteMachine(state, cluster, orphan);
        }
    }

    public void ForgetCluster(LocalCloudState state, string clusterKey) => state.Clusters.Remove(clusterKey);

    private static string? OwnerName(JsonObject machine) =>
        machine["metadata"]?["labels"]?[KubernetesObjects.MachineSetLabel]?.GetValue<string>();

    private static void ReconcileMachineSet(LocalCloudState state, SimulatedClusterState cluster, JsonObject machineSet)
    {
        var name = KubernetesObjects.Name(machineSet)!;
        var desired = (int)Math.Max(0, KubernetesObjects.Integer(machineSet["spec"]?["replicas"]) ?? 1);
        var owned = cluster.Machines.Values.Where(m => OwnerName(m) == name).OrderBy(m => Index(name, m)).ToList();

        while (owned.Count < desired)
        {
            var used = owned.Select(m => Index(name, m)).ToHashSet();
            var index = Enumerable.Range(0, int.MaxValue).First(i => !used.Contains(i));
            var machine = NewMachine(cluster, machineSet, $"{name}-{index}");
            cluster.Machines[KubernetesObjects.Name(machine)!] = machine;
            owned.Add(machine);
        }

        // Scale down removes the newest machines first, like the machine-api's "Newest" delete policy.
        foreach (var surplus in owned.OrderByDescending(m => Index(name, m)).Take(owned.Count - desired).ToList())
        {
            DeleteMachine(state, cluster, surplus);
            owned.Remove(surplus);
        }

        var ready = 0;
        foreach (var machine in owned)
        {
            if (EnsureVirtualMachine(state, cluster, machine))
            {
                ready++;
            }
        }

        var metadata = KubernetesObjects.Metadata(machineSet);
        var status = new JsonObject
        {
            ["replicas"] = owned.Count,
            ["fullyLabeledReplicas"] = owned.Count,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["observedGeneration"] = KubernetesObjects.Integer(metadata["generation"]) ?? 1,
        };
        if (!JsonNode.DeepEquals(machineSet["status"], status))
        {
            machineSet["status"] = status;
            metadata["resourceVersion"] = KubernetesObjects.NextResourceVersion(cluster);
        }
    }

    private static int Index(string machineSetName, JsonObject machine)
    {
        var machineName = KubernetesObjects.Name(machine) ?? "";
        return int.TryParse(machineName.AsSpan(Math.Min(machineName.Length, machineSetName.Length + 1)), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : int.MaxValue;
    }

    private static JsonObject NewMachine(SimulatedClusterState cluster, JsonObject machineSet, string name)
    {
        var labels = (machineSet["spec"]?["template"]?["metadata"]?["labels"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        labels[KubernetesObjects.MachineSetLabel] = KubernetesObjects.Name(machineSet);
        return new JsonObject
        {
            ["apiVersion"] = KubernetesObjects.MachineApiVersion,
            ["kind"] = "Machine",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = KubernetesObjects.MachineApiNamespace,
                ["uid"] = Guid.NewGuid().ToString(),
                ["creationTimestamp"] = KubernetesObjects.Timestamp(DateTimeOffset.UtcNow),
                ["resourceVersion"] = KubernetesObjects.NextResourceVersion(cluster),
                ["generation"] = 1,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = KubernetesObjects.MachineApiVersion,
                    ["kind"] = "MachineSet",
                    ["name"] = KubernetesObjects.Name(machineSet),
                    ["uid"] = machineSet["metadata"]?["uid"]?.DeepClone(),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject
            {
                ["providerSpec"] = machineSet["spec"]?["template"]?["spec"]?["providerSpec"]?.DeepClone() ?? new JsonObject(),
            },
            ["status"] = new JsonObject { ["phase"] = "Provisioning" },
        };
    }

    /// <summary>
    /// Creates the machine's VM when missing, booting from its user-data Secret; false (machine Failed) when its resource
    /// group does not exist, false (machine still Provisioning, no VM) while the Secret it names does not.
    /// </summary>
    private static bool EnsureVirtualMachine(LocalCloudState state, SimulatedClusterState cluster, JsonObject machine)
    {
        var name = KubernetesObjects.Name(machine)!;
        var providerSpec = machine["spec"]?["providerSpec"]?["value"] as JsonObject ?? new JsonObject();
        var groupName = providerSpec["resourceGroup"]?.GetValue<string>() ?? cluster.Key;
        var group = FindResourceGroup(state, groupName, providerSpec["subscriptionId"]?.GetValue<string>());
        JsonObject status;
        var ready = false;
        var vmId = $"{group?["id"]?.GetValue<string>()}/providers/Microsoft.Compute/virtualMachines/{name}";
        var key = ArmResourcePath.Key(vmId);
        var userData = MachineUserData.Resolve(cluster, providerSpec);
        if (group is null)
        {
            status = new JsonObject
            {
                ["phase"] = "Failed",
                ["errorReason"] = "InvalidConfiguration",
                ["errorMessage"] = $"resource group '{groupName}' does not exist in the local cloud",
            };
        }
        else if (!state.Resources.ContainsKey(key) && userData.Missing is { } missing)
        {
            // The Azure machine controller cannot create the VM without its user data; it retries, so the machine
            // waits (not Failed) and the VM appears once the Secret does (a Secret write runs this controller).
            status = new JsonObject
            {
                ["phase"] = "Provisioning",
                ["providerStatus"] = new JsonObject
                {
                    ["conditions"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "MachineCreated",
                        ["status"] = "False",
                        ["reason"] = "MachineCreationFailed",
                        ["message"] = missing,
                    }),
                },
            };
        }
        else
        {
            ready = true;
            if (!state.Resources.ContainsKey(key))
            {
                state.Resources[key] = NewVirtualMachine(vmId, name, group, providerSpec, userData.CustomData);
            }

            var vm = state.Resources[key];
            var address = ResourceDefaults.PublicIpFor(vmId).Replace("20.", "10.", StringComparison.Ordinal);
            machine["spec"]!["providerID"] = $"azure://{vmId}";
            status = new JsonObject
            {
                ["phase"] = "Running",
                ["nodeRef"] = new JsonObject { ["kind"] = "Node", ["name"] = name, ["uid"] = vm["properties"]?["vmId"]?.DeepClone() },
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = address },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["providerStatus"] = new JsonObject { ["vmId"] = vm["properties"]?["vmId"]?.DeepClone(), ["vmState"] = "Running" },
            };
        }

        if (!JsonNode.DeepEquals(machine["status"], status))
        {
            machine["status"] = status;
            KubernetesObjects.Metadata(machine)["resourceVersion"] = KubernetesObjects.NextResourceVersion(cluster);
        }

        return ready;
    }

    private static JsonObject? FindResourceGroup(LocalCloudState state, string name, string? subscription)
    {
        if (subscription is not null)
        {
            return state.Resources.GetValueOrDefault(ArmResourcePath.Key($"/subscriptions/{subscription}/resourceGroups/{name}"));
        }

        // The machine-api's providerSpec carries no subscription (the credentials secret does), so the group is found by name.
        var suffix = ArmResourcePath.Key($"/resourcegroups/{name}");
        return state.Resources.InGroup(ArmResourceDictionary.ResourceGroups)
            .Where(r => r.Key.EndsWith(suffix, StringComparison.Ordinal))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Value)
            .FirstOrDefault();
    }

    private static JsonObject NewVirtualMachine(string vmId, string name, JsonObject group, JsonObject providerSpec, string? customData)
    {
        var osProfile = new JsonObject { ["computerName"] = name, ["adminUsername"] = "core" };
        if (customData is not null)
        {
            osProfile["customData"] = customData;
        }

        var subnet = providerSpec["subnet"]?.GetValue<string>();
        var vnet = providerSpec["vnet"]?.GetValue<string>();
        return new JsonObject
        {
            ["id"] = vmId,
            ["name"] = name,
            ["type"] = "Microsoft.Compute/virtualMachines",
            ["location"] = providerSpec["location"]?.DeepClone() ?? group["location"]?.DeepClone(),
            ["etag"] = ResourceDefaults.NewEtag(),
            ["tags"] = new JsonObject
            {
                ["aro.localcloud/machine"] = name,
                ["aro.localcloud/subnet"] = vnet is null ? subnet : $"{vnet}/{subnet}",
            },
            ["properties"] = new JsonObject
            {
                ["vmId"] = ResourceDefaults.DeterministicGuid(vmId).ToString(),
                ["hardwareProfile"] = new JsonObject { ["vmSize"] = providerSpec["vmSize"]?.DeepClone() ?? "Standard_D4s_v3" },
                ["storageProfile"] = new JsonObject { ["imageReference"] = providerSpec["image"]?.DeepClone() ?? new JsonObject() },
                ["osProfile"] = osProfile,
                ["networkProfile"] = new JsonObject { ["networkInterfaces"] = new JsonArray() },
                ["provisioningState"] = "Succeeded",
            },
        };
    }

    private static void DeleteMachine(LocalCloudState state, SimulatedClusterState cluster, JsonObject machine)
    {
        var providerId = machine["spec"]?["providerID"]?.GetValue<string>();
        if (providerId is not null && providerId.StartsWith("azure://", StringComparison.Ordinal))
        {
            var key = ArmResourcePath.Key(providerId["azure://".Length..]);
            state.Resources.Remove(key);
            foreach (var child in state.Resources.KeysStartingWith(key + "/"))
            {
                state.Resources.Remove(child);
            }
        }

        cluster.Machines.Remove(KubernetesObjects.Name(machine)!);
        cluster.ResourceVersion++;
    }
}
