using System.Globalization;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>Serves /_kubernetes/{clusterKey}/...: the slice of the Kubernetes and OpenShift APIs the RP uses.</summary>
internal sealed class KubernetesRequestHandler(LocalCloudStore store, FaultInjector faults, MachineController controller, LocalCloudOptions options)
{
    public async Task HandleAsync(HttpContext context, string clusterKey)
    {
        clusterKey = clusterKey.ToLowerInvariant();
        var path = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[2..];
        var method = context.Request.Method.ToUpperInvariant();
        var route = Route(path);
        if (route is null)
        {
            await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        var (resource, name, subresource) = route.Value;
        var verb = method switch { "GET" => "read", "DELETE" => "delete", _ => "write" };
        var fault = await faults.ApplyAsync($"{resource}/{verb}", context.RequestAborted);
        if (fault is not null)
        {
            await WriteStatusAsync(context, fault.StatusCode, fault.Code, fault.Message);
            return;
        }

        if (resource == "version")
        {
            await JsonResponse.WriteAsync(context, 200, ClusterViews.Version());
            return;
        }

        var isCreate = resource is "machine.openshift.io/machinesets" or "core/secrets" && name is null && method == "POST";
        JsonObject? body = null;
        if (method is "POST" or "PUT" or "PATCH")
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                parsed = null;
            }

            if (method == "PATCH" && parsed is JsonArray operations)
            {
                body = new JsonObject { ["$jsonPatch"] = operations };
            }
            else if (parsed is JsonObject obj)
            {
                body = obj;
            }
            else
            {
                await WriteStatusAsync(context, 400, "BadRequest", "the request body is not a JSON object");
                return;
            }
        }

        var (status, result) = store.Write(state =>
        {
            if (!state.Clusters.TryGetValue(clusterKey, out var cluster))
            {
                if (!isCreate)
                {
                    return (404, KubernetesObjects.Status(404, "NotFound", $"cluster \"{clusterKey}\" is not simulated by the local cloud"));
                }

                // The first object a provisioner posts (the workers' user-data Secret, then their MachineSet) brings a simulated cluster to life.
                cluster = SimulatedClusters.NewCluster(clusterKey, options.OpenShiftVersion);
                state.Clusters[clusterKey] = cluster;
            }

            return resource switch
            {
                "core/nodes" => Nodes(state, cluster, name, context.Request.Query["labelSelector"]),
                "config.openshift.io/clusterversions" => name is null or "version"
                    ? (200, name is null
                        ? KubernetesObjects.List("config.openshift.io/v1", "ClusterVersionList", cluster, [ClusterViews.ClusterVersion(cluster)])
                        : ClusterViews.ClusterVersion(cluster))
                    : (404, KubernetesObjects.Status(404, "NotFound", $"clusterversions.config.openshift.io \"{name}\" not found", name, "clusterversions")),
                "machine.openshift.io/machines" => Machines(cluster, name, context.Request.Query["labelSelector"]),
                "core/secrets" => SecretRequests.Handle(state, cluster, controller, method, path[3], name, body, context.Request.Query["labelSelector"]),
                _ => MachineSets(state, cluster, method, name, subresource, body, context.Request.Query["labelSelector"]),
            };
        });
        await JsonResponse.WriteAsync(context, status, result);
    }

    private static Task WriteStatusAsync(HttpContext context, int code, string reason, string message) =>
        JsonResponse.WriteAsync(context, code, KubernetesObjects.Status(code, reason, message));

    /// <summary>
    /// Maps a path to (group/resource, name, subresource); machine-api objects only live in openshift-machine-api,
    /// Secrets in any namespace (path[3]).
    /// </summary>
    private static (string Resource, string? Name, string? Subresource)? Route(string[] path)
    {
        static string? At(string[] p, int i) => i < p.Length ? p[i] : null;
        return path switch
        {
            ["version"] => ("version", null, null),
            ["api", "v1", "nodes", ..] when path.Length <= 4 => ("core/nodes", At(path, 3), null),
            ["api", "v1", "namespaces", _, "secrets", ..] when path.Length <= 6 => ("core/secrets", At(path, 5), null),
            ["apis", "config.openshift.io", "v1", "clusterversions", ..] when path.Length <= 5 => ("config.openshift.io/clusterversions", At(path, 4), null),
            ["apis", "machine.openshift.io", "v1beta1", "machinesets"] => ("machine.openshift.io/machinesets", null, null),
            ["apis", "machine.openshift.io", "v1beta1", "machines"] => ("machine.openshift.io/machines", null, null),
            ["apis", "machine.openshift.io", "v1beta1", "namespaces", KubernetesObjects.MachineApiNamespace, "machinesets", ..] when path.Length <= 8 =>
                ("machine.openshift.io/machinesets", At(path, 6), At(path, 7)),
            ["apis", "machine.openshift.io", "v1beta1", "namespaces", KubernetesObjects.MachineApiNamespace, "machines", ..] when path.Length <= 7 =>
                ("machine.openshift.io/machines", At(path, 6), null),
            _ => null,
        };
    }

    private static (int, JsonObject) Nodes(LocalCloudState state, SimulatedClusterState cluster, string? name, string? selector)
    {
        var nodes = ClusterViews.Nodes(state, cluster).Cast<JsonObject>().Where(n => KubernetesObjects.MatchesSelector(n, selector)).ToList();
        if (name is null)
        {
            return (200, KubernetesObjects.List("v1", "NodeList", cluster, nodes));
        }

        var node = nodes.FirstOrDefault(n => KubernetesObjects.Name(n) == name);
        return node is null ? (404, KubernetesObjects.Status(404, "NotFound", $"nodes \"{name}\" not found", name, "nodes")) : (200, node);
    }

    private static (int, JsonObject) Machines(SimulatedClusterState cluster, string? name, string? selector)
    {
        if (name is null)
        {
            return (200, KubernetesObjects.List(KubernetesObjects.MachineApiVersion, "MachineList", cluster,
                cluster.Machines.Values.Where(m => KubernetesObjects.MatchesSelector(m, selector)).OrderBy(KubernetesObjects.Name, StringComparer.Ordinal).Select(m => m.DeepClone())));
        }

        return cluster.Machines.TryGetValue(name, out var machine)
            ? (200, (JsonObject)machine.DeepClone())
            : (404, KubernetesObjects.Status(404, "NotFound", $"machines.machine.openshift.io \"{name}\" not found", name, "machines"));
    }

    private (int, JsonObject) MachineSets(LocalCloudState state, SimulatedClusterState cluster, string method, string? name, string? subresource, JsonObject? body, string? selector)
    {
        if (name is null)
        {
            return method switch
            {
                "GET" => (200, KubernetesObjects.List(KubernetesObjects.MachineApiVersion, "MachineSetList", cluster,
                    cluster.MachineSets.Values.Where(m => KubernetesObjects.MatchesSelector(m, selector)).OrderBy(KubernetesObjects.Name, StringComparer.Ordinal).Select(m => m.DeepClone()))),
                "POST" => Create(state, cluster, body!),
                _ => (405, KubernetesObjects.Status(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource")),
            };
        }

        if (!cluster.MachineSets.TryGetValue(name, out var current))
        {
            return (404, NotFound(name));
        }

        if (subresource is not null && subresource != "scale" && subresource != "status")
        {
            return (404, KubernetesObjects.Status(404, "NotFound", "the server could not find the requested resource"));
        }

        switch (method)
        {
            case "GET":
                return (200, subresource == "scale" ? Scale(current) : (JsonObject)current.DeepClone());
            case "DELETE":
                cluster.MachineSets.Remove(name);
                cluster.ResourceVersion++;
                controller.Reconcile(state, cluster);
                return (200, KubernetesObjects.Status(200, "", $"machinesets \"{name}\" deleted", name, "machinesets"));
            case "PUT" or "PATCH":
                var updated = method == "PUT" ? body!.DeepClone().AsObject() : Patched(current, subresource, body!);
                if (updated is null)
                {
                    return (422, KubernetesObjects.Status(422, "Invalid", "the JSON patch could not be applied"));
                }

                if (subresource == "scale")
                {
                    // A Scale body carries only spec.replicas; fold it into the MachineSet.
                    var replicas = updated["spec"]?["replicas"]?.DeepClone();
                    var rv = updated["metadata"]?["resourceVersion"]?.DeepClone();
                    updated = current.DeepClone().AsObject();
                    ((JsonObject)updated["spec"]!)["replicas"] = replicas;
                    KubernetesObjects.Metadata(updated)["resourceVersion"] = rv ?? current["metadata"]!["resourceVersion"]!.DeepClone();
                }

                var sentVersion = updated["metadata"]?["resourceVersion"]?.GetValue<string>();
                var currentVersion = current["metadata"]!["resourceVersion"]!.GetValue<string>();
                if (sentVersion is not null && sentVersion != currentVersion)
                {
                    return (409, KubernetesObjects.Status(409, "Conflict",
                        $"Operation cannot be fulfilled on machinesets.machine.openshift.io \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
                        name, "machinesets"));
                }

                if (method == "PUT" && sentVersion is null)
                {
                    return (422, KubernetesObjects.Status(422, "Invalid", $"MachineSet.machine.openshift.io \"{name}\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update"));
                }

                Commit(state, cluster, current, updated, subresource == "status");
                return (200, subresource == "scale" ? Scale(cluster.MachineSets[name]) : (JsonObject)cluster.MachineSets[name].DeepClone());
            default:
                return (405, KubernetesObjects.Status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));
        }
    }

    private static JsonObject NotFound(string name) =>
        KubernetesObjects.Status(404, "NotFound", $"machinesets.machine.openshift.io \"{name}\" not found", name, "machinesets");

    private static JsonObject? Patched(JsonObject current, string? subresource, JsonObject patch)
    {
        var target = subresource == "scale" ? Scale(current) : (JsonObject)current.DeepClone();
        if (patch["$jsonPatch"] is JsonArray operations)
        {
            // JSON Patch carries no resourceVersion check of its own; drop ours so the current one is used.
            var applied = JsonPatch.TryApply(target, operations) ? target : null;
            return applied;
        }

        var merged = (JsonObject)JsonMergePatch.Apply(target, patch)!;
        return merged;
    }

    private static JsonObject Scale(JsonObject machineSet) => new()
    {
        ["apiVersion"] = "autoscaling/v1",
        ["kind"] = "Scale",
        ["metadata"] = new JsonObject
        {
            ["name"] = machineSet["metadata"]!["name"]!.DeepClone(),
            ["namespace"] = KubernetesObjects.MachineApiNamespace,
            ["resourceVersion"] = machineSet["metadata"]!["resourceVersion"]!.DeepClone(),
            ["uid"] = machineSet["metadata"]!["uid"]?.DeepClone(),
        },
        ["spec"] = new JsonObject { ["replicas"] = machineSet["spec"]?["replicas"]?.DeepClone() ?? 1 },
        ["status"] = new JsonObject { ["replicas"] = machineSet["status"]?["replicas"]?.DeepClone() ?? 0 },
    };

    private (int, JsonObject) Create(LocalCloudState state, SimulatedClusterState cluster, JsonObject body)
    {
        var metadata = KubernetesObjects.Metadata(body);
        var name = metadata["name"]?.GetValue<string>();
        if (name is null && metadata["generateName"]?.GetValue<string>() is { } prefix)
        {
            name = prefix + Guid.NewGuid().ToString("N")[..5];
        }

        if (string.IsNullOrEmpty(name))
        {
            return (422, KubernetesObjects.Status(422, "Invalid", "MachineSet.machine.openshift.io is invalid: metadata.name: Required value"));
        }

        if (cluster.MachineSets.ContainsKey(name))
        {
            return (409, KubernetesObjects.Status(409, "AlreadyExists", $"machinesets.machine.openshift.io \"{name}\" already exists", name, "machinesets"));
        }

        body["apiVersion"] = KubernetesObjects.MachineApiVersion;
        body["kind"] = "MachineSet";
        metadata["name"] = name;
        metadata["namespace"] = KubernetesObjects.MachineApiNamespace;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubernetesObjects.Timestamp(DateTimeOffset.UtcNow);
        metadata["generation"] = 1;
        metadata["resourceVersion"] = KubernetesObjects.NextResourceVersion(cluster);
        body["status"] = new JsonObject { ["replicas"] = 0 };
        cluster.MachineSets[name] = body;
        controller.Reconcile(state, cluster);
        return (201, (JsonObject)cluster.MachineSets[name].DeepClone());
    }

    /// <summary>Stores an update the way the API server does: identity fields are kept, generation follows spec, status is a subresource.</summary>
    private void Commit(LocalCloudState state, SimulatedClusterState cluster, JsonObject current, JsonObject updated, bool statusOnly)
    {
        var next = statusOnly ? current.DeepClone().AsObject() : updated;
        if (statusOnly)
        {
            next["status"] = updated["status"]?.DeepClone();
        }
        else
        {
            next["status"] = current["status"]?.DeepClone();
        }

        var metadata = KubernetesObjects.Metadata(next);
        var previous = (JsonObject)current["metadata"]!;
        foreach (var identity in new[] { "name", "namespace", "uid", "creationTimestamp" })
        {
            metadata[identity] = previous[identity]?.DeepClone();
        }

        next["apiVersion"] = KubernetesObjects.MachineApiVersion;
        next["kind"] = "MachineSet";
        var generation = KubernetesObjects.Integer(previous["generation"]) ?? 1;
        metadata["generation"] = JsonNode.DeepEquals(next["spec"], current["spec"]) ? generation : generation + 1;
        metadata["resourceVersion"] = KubernetesObjects.NextResourceVersion(cluster);
        cluster.MachineSets[metadata["name"]!.GetValue<string>()] = next;
        controller.Reconcile(state, cluster);
    }
}
