using System.Text;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>
/// core/v1 Secrets of one namespace: list, create, read, replace, delete (no patch, no watch), answering as the API
/// server does. A created or replaced Secret may be what a waiting Machine needs, so the machine controller runs after.
/// </summary>
internal static class SecretRequests
{
    public static (int, JsonObject) Handle(LocalCloudState state, SimulatedClusterState cluster, MachineController controller, string method, string ns, string? name, JsonObject? body, string? selector)
    {
        if (name is null)
        {
            return method switch
            {
                "GET" => (200, KubernetesObjects.List("v1", "SecretList", cluster, cluster.Secrets
                    .Where(s => s.Key.StartsWith(ns + "/", StringComparison.Ordinal) && KubernetesObjects.MatchesSelector(s.Value, selector))
                    .OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => s.Value.DeepClone()))),
                "POST" => Create(state, cluster, controller, ns, body!),
                _ => MethodNotAllowed(),
            };
        }

        var key = Key(ns, name);
        if (!cluster.Secrets.TryGetValue(key, out var current))
        {
            return (404, NotFound(name));
        }

        switch (method)
        {
            case "GET":
                return (200, (JsonObject)current.DeepClone());
            case "DELETE":
                cluster.Secrets.Remove(key);
                cluster.ResourceVersion++;
                return (200, KubernetesObjects.Status(200, "", $"secrets \"{name}\" deleted", name, "secrets"));
            case "PUT":
                return Replace(state, cluster, controller, ns, name, current, body!);
            default:
                return MethodNotAllowed();
        }
    }

    /// <summary>The Secret's <c>{key}</c> data, base64 as stored, or null when the Secret or the key is missing.</summary>
    public static string? Data(SimulatedClusterState cluster, string ns, string name, string dataKey) =>
        cluster.Secrets.TryGetValue(Key(ns, name), out var secret) ? secret["data"]?[dataKey]?.GetValue<string>() : null;

    private static string Key(string ns, string name) => $"{ns}/{name}";

    private static (int, JsonObject) Create(LocalCloudState state, SimulatedClusterState cluster, MachineController controller, string ns, JsonObject body)
    {
        var metadata = KubernetesObjects.Metadata(body);
        var name = metadata["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return (422, KubernetesObjects.Status(422, "Invalid", "Secret \"\" is invalid: metadata.name: Required value", kind: "Secret"));
        }

        if (Problem(ns, name, body) is { } problem)
        {
            return problem;
        }

        if (cluster.Secrets.ContainsKey(Key(ns, name)))
        {
            return (409, KubernetesObjects.Status(409, "AlreadyExists", $"secrets \"{name}\" already exists", name, "secrets"));
        }

        metadata["namespace"] = ns;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubernetesObjects.Timestamp(DateTimeOffset.UtcNow);
        return Store(state, cluster, controller, ns, name, body, 201);
    }

    private static (int, JsonObject) Replace(LocalCloudState state, SimulatedClusterState cluster, MachineController controller, string ns, string name, JsonObject current, JsonObject body)
    {
        var metadata = KubernetesObjects.Metadata(body);
        if (metadata["name"]?.GetValue<string>() is { } sentName && sentName != name)
        {
            return (400, KubernetesObjects.Status(400, "BadRequest", "the name of the object does not match the name on the URL"));
        }

        if (Problem(ns, name, body) is { } problem)
        {
            return problem;
        }

        // Unlike MachineSets, a Secret may be replaced without a resourceVersion (unconditionally); a stale one conflicts.
        var previous = (JsonObject)current["metadata"]!;
        if (metadata["resourceVersion"]?.GetValue<string>() is { } sent && sent != previous["resourceVersion"]?.GetValue<string>())
        {
            return (409, KubernetesObjects.Status(409, "Conflict",
                $"Operation cannot be fulfilled on secrets \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
                name, "secrets"));
        }

        foreach (var identity in new[] { "name", "namespace", "uid", "creationTimestamp" })
        {
            metadata[identity] = previous[identity]?.DeepClone();
        }

        return Store(state, cluster, controller, ns, name, body, 200);
    }

    private static (int, JsonObject) Store(LocalCloudState state, SimulatedClusterState cluster, MachineController controller, string ns, string name, JsonObject body, int status)
    {
        body["apiVersion"] = "v1";
        body["kind"] = "Secret";
        body["type"] ??= "Opaque";
        var data = body["data"] as JsonObject ?? new JsonObject();
        if (body["stringData"] is JsonObject stringData)
        {
            // As the API server does: stringData is write-only, folded into data (and wins over it).
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
            }

            body.Remove("stringData");
        }

        body["data"] = data;
        KubernetesObjects.Metadata(body)["resourceVersion"] = KubernetesObjects.NextResourceVersion(cluster);
        cluster.Secrets[Key(ns, name)] = body;
        controller.Reconcile(state, cluster);
        return (status, (JsonObject)body.DeepClone());
    }

    /// <summary>What the API server refuses in a Secret body before storing it: another namespace, data that is not base64.</summary>
    private static (int, JsonObject)? Problem(string ns, string name, JsonObject body)
    {
        if (body["metadata"]?["namespace"]?.GetValue<string>() is { } sentNamespace && sentNamespace != ns)
        {
            return (400, KubernetesObjects.Status(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
        }

        foreach (var (key, value) in body["data"] as JsonObject ?? [])
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (text is null || !Convert.TryFromBase64String(text, new byte[text.Length], out _))
            {
                return (400, KubernetesObjects.Status(400, "BadRequest", $"Secret \"{name}\" is invalid: data[{key}]: not a base64 string"));
            }
        }

        return null;
    }

    private static JsonObject NotFound(string name) => KubernetesObjects.Status(404, "NotFound", $"secrets \"{name}\" not found", name, "secrets");

    private static (int, JsonObject) MethodNotAllowed() =>
        (405, KubernetesObjects.Status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));
}
