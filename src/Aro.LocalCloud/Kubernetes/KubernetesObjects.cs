using System.Text.Json.Nodes;
using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>Shapes shared by the simulated Kubernetes API: metadata, lists, Status errors, timestamps.</summary>
internal static class KubernetesObjects
{
    public const string MachineApiNamespace = "openshift-machine-api";
    public const string MachineApiVersion = "machine.openshift.io/v1beta1";
    public const string MachineSetLabel = "machine.openshift.io/cluster-api-machineset";

    /// <summary>RFC 3339 without fractions: the format Kubernetes writes and KubernetesClient parses.</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string NextResourceVersion(SimulatedClusterState cluster) => (++cluster.ResourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Metadata(JsonObject item)
    {
        if (item["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            item["metadata"] = metadata;
        }

        return metadata;
    }

    /// <summary>
    /// Reads an integer whether the node came from parsed JSON or was set in code: JsonValue's
    /// GetValue&lt;long&gt; throws on a value created from an int, and the store holds both kinds.
    /// </summary>
    public static long? Integer(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var asLong))
        {
            return asLong;
        }

        if (value.TryGetValue<int>(out var asInt))
        {
            return asInt;
        }

        return long.TryParse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static string? Name(JsonObject item) => item["metadata"]?["name"]?.GetValue<string>();

    public static JsonObject List(string apiVersion, string kind, SimulatedClusterState cluster, IEnumerable<JsonNode> items) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["resourceVersion"] = cluster.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray([.. items]),
    };

    public static JsonObject Status(int code, string reason, string message, string? name = null, string? kind = null) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = code < 300 ? "Success" : "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["details"] = new JsonObject { ["name"] = name, ["kind"] = kind },
        ["code"] = code,
    };

    /// <summary>Equality-based label selectors ("a=b,c==d,e!=f"), the only kind the RP's code sends.</summary>
    public static bool MatchesSelector(JsonObject item, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return true;
        }

        var labels = item["metadata"]?["labels"] as JsonObject;
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var actual = labels?[parts[0].Trim()]?.GetValue<string>();
            var matches = parts.Length == 1 ? actual is not null : actual == parts[1].Trim();
            if (matches == negate)
            {
                return false;
            }
        }

        return true;
    }
}
