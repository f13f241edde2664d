using System.Text;
using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.HostileInput;

/// <summary>One request a hostile or broken client might send: raw bytes for the body, any header values.</summary>
public sealed record MalformedRequest(string Description, HttpMethod Method, string PathAndQuery, byte[]? Body = null, string ContentType = "application/json", IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    public override string ToString() => $"{Description}: {Method} {PathAndQuery}";
}

/// <summary>
/// Generates malformed requests: every route × malformed bodies, headers and path segments. The set is
/// deterministic (no randomness), so a failure names a request that can be replayed.
/// </summary>
public static class MalformedRequests
{
    /// <summary>The resource group of <see cref="Infrastructure.ArmTestClient"/>.</summary>
    public const string ResourceGroup = "myResourceGroup";

    private static readonly string[] ApiVersions = ["2020-04-30", "2019-12-31-preview"];

    /// <summary>Bodies that are not JSON, or JSON no ARM request may be, written as raw text.</summary>
    private static readonly string[] BrokenJson =
    [
        "", " ", "{", "}", "[", "[]", "null", "42", "\"text\"", "true", "{\"location\": }", "{,}", "{\"a\":1,}", "/* comment */ {}",
        "{\"location\": NaN}", "{\"location\": 1e999999}", "{'location': 'eastus'}", "{\"location\": \"eastus\"} trailing",
        "{\"location\": \"\\ud800\"}", "{\"location\": \"\\udc00x\"}", "{\"\\ud800\": 1}", "{\"tags\": {\"\\udfff\": \"v\"}}",
        "{\"tags\": {\"a\": \"1\"}, \"tags\": {\"b\": \"2\"}}", "{\"tags\": {\"a\": \"1\", \"A\": \"2\"}}", "{\"location\": \"eastus\", \"Location\": \"eastus\"}",
        "{\"properties\": {\"workerProfiles\": [null]}}", "{\"properties\": {\"ingressProfiles\": [null]}}",
        "{\"properties\": {\"workerProfiles\": [{\"name\": \"worker\", \"count\": 4}, null]}}", "{\"properties\": {\"workerProfiles\": [[]]}}",
        "{\"properties\": {\"workerProfiles\": [1]}}", "{\"properties\": {\"workerProfiles\": [\"worker\"]}}", "{\"properties\": {\"workerProfiles\": {}}}",
        "{\"properties\": {\"workerProfiles\": null}}", "{\"properties\": {\"ingressProfiles\": {\"name\": \"default\"}}}", "{\"properties\": null}",
        "{\"properties\": []}", "{\"properties\": \"x\"}", "{\"tags\": []}", "{\"tags\": {\"a\": 1}}", "{\"tags\": {\"a\": {}}}", "{\"tags\": \"x\"}",
        "{\"properties\": {\"workerProfiles\": [{\"name\": \"worker\", \"count\": 1e30}]}}", "{\"properties\": {\"workerProfiles\": [{\"name\": \"worker\", \"count\": -1}]}}",
        "{\"properties\": {\"workerProfiles\": [{\"name\": \"worker\", \"count\": 3.5}]}}", "{\"properties\": {\"workerProfiles\": [{\"name\": \"worker\", \"diskSizeGB\": 99999999999}]}}",
        "{\"properties\": {\"clusterProfile\": {\"domain\": \"x\\n\"}}}", "{\"properties\": {\"clusterProfile\": {\"pullSecret\": \"\\u0000\"}}}",
        "{\"properties\": {\"clusterProfile\": {\"pullSecret\": \"{\\\"auths\\\":{\\\"r\\\":{\\\"auth\\\":null}}}\"}}}", "{\"properties\": {\"provisioningState\": 5}}",
        "{\"id\": 1, \"name\": [], \"type\": {}}", "{\"state\": \"Registered\", \"properties\": []}", "{\"state\": 1}", "{\"state\": \"Registered\", \"properties\": {\"tenantId\": 5}}",
        new string('[', 5000) + new string(']', 5000), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 101),
    ];

    /// <summary>Byte sequences that are not UTF-8, inside an otherwise fine body.</summary>
    private static readonly byte[][] BrokenUtf8 =
    [
        [0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ];

    private static readonly string[] ContentTypes = ["text/plain", "", "application/json; charset=utf-16", "application/jsonx", "application/json;;;", "*/*", "application/json\u00e9"];

    private static readonly (string Name, string Value)[][] HostileHeaders =
    [
        [("x-ms-return-client-request-id", "true"), ("x-ms-client-request-id", "caf\u00e9")],
        [("x-ms-return-client-request-id", "true"), ("x-ms-client-request-id", "a\tb")],
        [("x-ms-return-client-request-id", "true"), ("x-ms-client-request-id", "\u0001\u007f")],
        [("x-ms-return-client-request-id", "TRUE"), ("x-ms-client-request-id", "\u2603 snowman")],
        [("If-Match", "")],
        [("If-Match", "\"")],
        [("If-Match", "W/")],
        [("If-None-Match", ",,,")],
        [("x-ms-arm-resource-system-data", "{")],
        [("x-ms-arm-resource-system-data", "{\"createdAt\": \"yesterday\", \"createdByType\": 5}")],
        [("x-ms-arm-resource-system-data", "{\"createdBy\": \"\\ud800\"}")],
        [("Referer", "::::")],
        [("Referer", "http://[bad")],
        [("Referer", "https://management.azure.com/\u00e9?x=%ZZ")],
        [("x-ms-correlation-request-id", "\u00e9\t")],
    ];

    public static IEnumerable<MalformedRequest> All(string subscriptionId, string existingCluster, string clusterBody)
    {
        var cluster = $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters";
        var writes = new[] { (HttpMethod.Put, "new-cluster"), (HttpMethod.Patch, existingCluster), (HttpMethod.Put, existingCluster) };

        foreach (var apiVersion in ApiVersions)
        {
            foreach (var (method, name) in writes)
            {
                var path = $"{cluster}/{name}?api-version={apiVersion}";
                foreach (var body in BrokenJson)
                {
                    yield return new($"body {Shorten(body)}", method, path, Encoding.UTF8.GetBytes(body));
                }

                foreach (var bytes in BrokenUtf8)
                {
                    var text = Encoding.UTF8.GetBytes("{\"location\": \"east");
                    yield return new($"invalid UTF-8 {Convert.ToHexString(bytes)}", method, path, [.. text, .. bytes, .. "us\"}"u8.ToArray()]);
                }

                foreach (var mutated in MutatedBodies(clusterBody))
                {
                    yield return new($"body {mutated.Description}", method, path, Encoding.UTF8.GetBytes(mutated.Body));
                }

                foreach (var contentType in ContentTypes)
                {
                    yield return new($"content type '{contentType}'", method, path, Encoding.UTF8.GetBytes(clusterBody), contentType);
                }

                yield return new("body of 1 MiB and a byte", method, path, Encoding.UTF8.GetBytes("{\"tags\": {\"a\": \"" + new string('x', 1024 * 1024) + "\"}}"));
            }

            foreach (var route in Routes(subscriptionId, existingCluster, apiVersion))
            {
                foreach (var headers in HostileHeaders)
                {
                    yield return new($"headers {string.Join(", ", headers.Select(h => h.Name))}", route.Method, route.Path,
                        route.Method == HttpMethod.Put || route.Method == HttpMethod.Patch ? Encoding.UTF8.GetBytes(clusterBody) : null, Headers: headers);
                }
            }
        }

        foreach (var path in MalformedPaths(subscriptionId, existingCluster))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
            {
                yield return new("path", method, path, method == HttpMethod.Get || method == HttpMethod.Delete ? null : Encoding.UTF8.GetBytes(clusterBody));
            }
        }
    }

    private static IEnumerable<(HttpMethod Method, string Path)> Routes(string subscriptionId, string existingCluster, string apiVersion)
    {
        var rp = $"/subscriptions/{subscriptionId}/providers/Microsoft.RedHatOpenShift";
        var cluster = $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{existingCluster}";
        var operation = Guid.NewGuid();
        yield return (HttpMethod.Get, $"{cluster}?api-version={apiVersion}");
        yield return (HttpMethod.Put, $"{cluster}?api-version={apiVersion}");
        yield return (HttpMethod.Patch, $"{cluster}?api-version={apiVersion}");
        yield return (HttpMethod.Delete, $"{cluster}-gone?api-version={apiVersion}");
        yield return (HttpMethod.Post, $"{cluster}/listCredentials?api-version={apiVersion}");
        yield return (HttpMethod.Get, $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version={apiVersion}");
        yield return (HttpMethod.Get, $"{rp}/openShiftClusters?api-version={apiVersion}");
        yield return (HttpMethod.Get, $"{rp}/locations/eastus/operationsstatus/{operation}?api-version={apiVersion}");
        yield return (HttpMethod.Get, $"{rp}/locations/eastus/operationresults/{operation}?api-version={apiVersion}");
        yield return (HttpMethod.Get, $"/providers/Microsoft.RedHatOpenShift/operations?api-version={apiVersion}");
        yield return (HttpMethod.Put, $"/subscriptions/{subscriptionId}?api-version=2.0");
    }

    // NUL (%00) is left to KestrelRefusalTests: the test server's own decoding throws on it, Kestrel answers 400.
    private static IEnumerable<string> MalformedPaths(string subscriptionId, string existingCluster)
    {
        const string query = "?api-version=2020-04-30";
        var rp = "/providers/Microsoft.RedHatOpenShift/openShiftClusters";
        foreach (var bad in new[] { "%0A", "%0D%0A", "%20", "%C3%A9", "%FF", "%E2%80%A8", "%2F", "..", "%2E%2E", "%25" })
        {
            yield return $"/subscriptions/{subscriptionId}{bad}/resourceGroups/{ResourceGroup}{rp}/{existingCluster}{query}";
            yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{bad}{rp}/{existingCluster}{query}";
            yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}/{existingCluster}{bad}{query}";
            yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}{bad}/{existingCluster}{query}";
            yield return $"/subscriptions/{subscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus{bad}/operationsstatus/{Guid.NewGuid()}{bad}{query}";
            yield return $"/subscriptions/{subscriptionId}{bad}?api-version=2.0";
        }

        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{new string('g', 5000)}{rp}/{existingCluster}{query}";
        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}/{new string('c', 5000)}{query}";
        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}/{existingCluster}";
        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}/{existingCluster}?api-version=";
        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}/{existingCluster}?api-version=2020-04-30&api-version=2019-12-31-preview";
        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}/{existingCluster}?api-version=%0A";
        yield return $"/subscriptions/{subscriptionId}/resourceGroups/{ResourceGroup}{rp}?api-version=2020-04-30&$skipToken=%0A%00garbage";
        yield return $"/subscriptions/{subscriptionId}{rp}?api-version=2020-04-30&$skipToken=" + new string('A', 4000);
        yield return "//subscriptions//resourceGroups//providers" + query;
    }

    // The valid cluster with one leaf at a time made wrong: null, a number, an array, an object, a control character.
    private static IEnumerable<(string Description, string Body)> MutatedBodies(string clusterBody)
    {
        var paths = new List<string[]>();
        Collect(JsonNode.Parse(clusterBody)!, [], paths);
        foreach (var path in paths)
        {
            foreach (var (kind, replacement) in new (string, Func<JsonNode?>)[] { ("null", () => null), ("number", () => 12), ("array", () => new JsonArray()), ("object", () => new JsonObject()), ("newline", () => "x\n") })
            {
                var body = JsonNode.Parse(clusterBody)!;
                var parent = path[..^1].Aggregate(body, (node, key) => int.TryParse(key, out var i) ? node[i]! : node[key]!);
                if (int.TryParse(path[^1], out var index))
                {
                    parent.AsArray()[index] = replacement();
                }
                else
                {
                    parent[path[^1]] = replacement();
                }

                yield return ($"{string.Join('.', path)} as {kind}", body.ToJsonString());
            }
        }
    }

    private static void Collect(JsonNode node, string[] path, List<string[]> paths)
    {
        if (path.Length > 0)
        {
            paths.Add(path);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Collect(child!, [.. path, key], paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i]!, [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], paths);
                }

                break;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
