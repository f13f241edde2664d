using System.Text.Json.Nodes;
using Aro.LocalCloud.Arm;
using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>
/// Objects derived on read rather than stored: Nodes come from the VMs in the cluster resource group
/// (so masters created through ARM and workers created by the machine controller both appear), and
/// ClusterVersion from the cluster's version.
/// </summary>
internal static class ClusterViews
{
    private const string KubernetesVersion = "v1.28.15+ff493be";

    public static List<JsonNode> Nodes(LocalCloudState state, SimulatedClusterState cluster)
    {
        var groupSuffix = ArmResourcePath.Key($"/resourceGroups/{cluster.Key}/providers/Microsoft.Compute/virtualMachines/");
        return [.. state.Resources.InGroup("microsoft.compute/virtualmachines")
            .Where(r => r.Key.Contains(groupSuffix, StringComparison.Ordinal) && !r.Key.Contains("bootstrap", StringComparison.Ordinal))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (JsonNode)Node(cluster, r.Value))];
    }

    private static JsonObject Node(SimulatedClusterState cluster, JsonObject vm)
    {
        var name = vm["name"]!.GetValue<string>();
        var vmId = vm["properties"]?["vmId"]?.GetValue<string>() ?? ResourceDefaults.DeterministicGuid(vm["id"]!.GetValue<string>()).ToString();
        var master = name.Contains("master", StringComparison.OrdinalIgnoreCase);
        var labels = new JsonObject
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["node.kubernetes.io/instance-type"] = vm["properties"]?["hardwareProfile"]?["vmSize"]?.DeepClone(),
            ["topology.kubernetes.io/region"] = vm["location"]?.DeepClone(),
        };
        if (master)
        {
            labels["node-role.kubernetes.io/master"] = "";
            labels["node-role.kubernetes.io/control-plane"] = "";
        }
        else
        {
            labels["node-role.kubernetes.io/worker"] = "";
        }

        var now = KubernetesObjects.Timestamp(DateTimeOffset.UtcNow);
        var created = KubernetesObjects.Timestamp(cluster.CreatedOn);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["uid"] = vmId,
                ["resourceVersion"] = cluster.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["creationTimestamp"] = created,
                ["labels"] = labels,
            },
            ["spec"] = new JsonObject { ["providerID"] = $"azure://{vm["id"]!.GetValue<string>()}" },
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Ready",
                    ["status"] = "True",
                    ["reason"] = "KubeletReady",
                    ["message"] = "kubelet is posting ready status",
                    ["lastHeartbeatTime"] = now,
                    ["lastTransitionTime"] = created,
                }),
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = ResourceDefaults.PublicIpFor(vm["id"]!.GetValue<string>()).Replace("20.", "10.", StringComparison.Ordinal) },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["nodeInfo"] = new JsonObject
                {
                    ["architecture"] = "amd64",
                    ["bootID"] = vmId,
                    ["containerRuntimeVersion"] = "cri-o://1.28.9",
                    ["kernelVersion"] = "5.14.0-284.73.1.el9_2.x86_64",
                    ["kubeProxyVersion"] = KubernetesVersion,
                    ["kubeletVersion"] = KubernetesVersion,
                    ["machineID"] = vmId.Replace("-", "", StringComparison.Ordinal),
                    ["operatingSystem"] = "linux",
                    ["osImage"] = "Red Hat Enterprise Linux CoreOS 415.92",
                    ["systemUUID"] = vmId,
                },
            },
        };
    }

    public static JsonObject ClusterVersion(SimulatedClusterState cluster)
    {
        var created = KubernetesObjects.Timestamp(cluster.CreatedOn);
        var image = $"quay.io/openshift-release-dev/ocp-release:{cluster.OpenShiftVersion}-x86_64";
        var minor = string.Join('.', cluster.OpenShiftVersion.Split('.').Take(2));
        return new JsonObject
        {
            ["apiVersion"] = "config.openshift.io/v1",
            ["kind"] = "ClusterVersion",
            ["metadata"] = new JsonObject
            {
                ["name"] = "version",
                ["uid"] = cluster.Uid,
                ["resourceVersion"] = cluster.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["creationTimestamp"] = created,
                ["generation"] = 1,
            },
            ["spec"] = new JsonObject { ["clusterID"] = cluster.Uid, ["channel"] = $"stable-{minor}" },
            ["status"] = new JsonObject
            {
                ["desired"] = new JsonObject { ["version"] = cluster.OpenShiftVersion, ["image"] = image },
                ["history"] = new JsonArray(new JsonObject
                {
                    ["state"] = "Completed",
                    ["version"] = cluster.OpenShiftVersion,
                    ["image"] = image,
                    ["startedTime"] = created,
                    ["completionTime"] = created,
                    ["verified"] = false,
                }),
                ["observedGeneration"] = 1,
                ["versionHash"] = cluster.Uid[..8],
                ["conditions"] = new JsonArray(
                    Condition("Available", "True", created),
                    Condition("Progressing", "False", created),
                    Condition("Failing", "False", created)),
            },
        };
    }

    private static JsonObject Condition(string type, string status, string time) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastTransitionTime"] = time,
    };

    /// <summary>The /version answer for the Kubernetes release OpenShift 4.15 ships.</summary>
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "28",
        ["gitVersion"] = KubernetesVersion,
        ["gitCommit"] = "ff493be0a2d6e4d2bfd52a9c6a1f2bb5e3c7a2f0",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2024-01-01T00:00:00Z",
        ["goVersion"] = "go1.20.12",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
