using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Storage;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.LocalCloud.Tests.Storage;

/// <summary>
/// The journal behind the local cloud's state: what a running emulator acknowledged is what a new process
/// reads back, without any shutdown (the state a kill -9 leaves), and a write journals only what it reached.
/// </summary>
public sealed class StateJournalTests : IDisposable
{
    private const string Subscription = LocalCloudFixture.SubscriptionId;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"localcloud-journal-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private LocalCloudOptions Options => new() { Url = "https://localhost:0", DataDirectory = _directory };

    private LocalCloudStore OpenStore() => new(Options, NullLogger<LocalCloudStore>.Instance);

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, JsonNode? body = null, string? text = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null || text is not null)
        {
            request.Content = new StringContent(text ?? body!.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Headers.Add("x-ms-version", "2023-11-03");
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every collection as sorted entries, so two states compare whatever order their dictionaries hold.</summary>
    private static string Canonical(LocalCloudStore store) => store.Read(state =>
    {
        var canonical = new JsonObject();
        foreach (var (name, _) in state.Collections)
        {
            var collection = JsonSerializer.SerializeToNode(state, new JsonSerializerOptions())![name switch
            {
                "resources" => "Resources",
                "containers" => "Containers",
                "blobs" => "Blobs",
                _ => "Clusters",
            }]!.AsObject();
            canonical[name] = new JsonObject(collection.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => KeyValuePair.Create(e.Key, e.Value?.DeepClone())));
        }

        return canonical.ToJsonString();
    });

    [Fact]
    public async Task A_new_process_reads_back_every_acknowledged_change_without_a_shutdown()
    {
        var server = await LocalCloudServer.StartAsync(Options);
        using var http = new HttpClient(server.CreateHttpMessageHandler()) { BaseAddress = server.BaseAddress };
        var group = $"subscriptions/{Subscription}/resourceGroups/journal";
        await SendAsync(http, HttpMethod.Put, $"{group}?api-version=2022-09-01", new JsonObject { ["location"] = "eastus" });
        await SendAsync(http, HttpMethod.Put, $"{group}/providers/Microsoft.Network/virtualNetworks/vnet?api-version=2023-09-01", JsonNode.Parse(
            """{"location":"eastus","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"master","properties":{"addressPrefix":"10.0.0.0/23"}}]}}"""));
        // A child embedded in its parent: the write reaches the vnet by key and changes it in place.
        await SendAsync(http, HttpMethod.Put, $"{group}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/worker?api-version=2023-09-01",
            JsonNode.Parse("""{"properties":{"addressPrefix":"10.0.2.0/23"}}"""));
        await SendAsync(http, HttpMethod.Put, $"{group}/providers/Microsoft.Network/networkSecurityGroups/gone?api-version=2023-09-01", new JsonObject());
        await SendAsync(http, HttpMethod.Delete, $"{group}/providers/Microsoft.Network/networkSecurityGroups/gone?api-version=2023-09-01");
        await SendAsync(http, HttpMethod.Put, "_blob/account/ignition?restype=container");
        await SendAsync(http, HttpMethod.Put, "_blob/account/ignition/bootstrap.ign", text: """{"ignition":{}}""");
        await SendAsync(http, HttpMethod.Put, $"subscriptions/{Subscription}/resourceGroups/journal-nodes?api-version=2022-09-01", new JsonObject { ["location"] = "eastus" });
        server.Clusters.Ensure("journal");
        var k8s = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = $"{server.BaseAddress}_kubernetes/journal", SkipTlsVerify = true, AccessToken = "x" });
        await k8s.CustomObjects.CreateNamespacedCustomObjectAsync(JsonNode.Parse(
            """{"apiVersion":"machine.openshift.io/v1beta1","kind":"MachineSet","metadata":{"name":"journal-worker","namespace":"openshift-machine-api"},"spec":{"replicas":2,"template":{"spec":{"providerSpec":{"value":{"resourceGroup":"journal-nodes","subnet":"worker","vnet":"vnet"}}}}}}"""),
            "machine.openshift.io", "v1beta1", "openshift-machine-api", "machinesets");
        // The nodes' group deleted behind the controller's back: a reconcile over every cluster fails its machines.
        await SendAsync(http, HttpMethod.Delete, $"subscriptions/{Subscription}/resourceGroups/journal-nodes?api-version=2022-09-01");
        await server.Clusters.ReconcileAsync();

        var running = server.Services.GetRequiredService<LocalCloudStore>();
        var expected = Canonical(running);
        Assert.Contains("journal-worker-1", expected, StringComparison.Ordinal);
        Assert.Contains("InvalidConfiguration", expected, StringComparison.Ordinal);

        // The first server is still running: nothing was flushed at shutdown, as after a kill -9.
        using var reopened = OpenStore();
        Assert.Equal(expected, Canonical(reopened));
        await server.DisposeAsync();
    }

    [Fact]
    public void A_write_journals_only_the_entries_it_reached()
    {
        using (var store = OpenStore())
        {
            store.Write(state =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    state.Resources[$"/resource-{i}"] = new JsonObject { ["id"] = $"/resource-{i}" };
                }

                return true;
            });
            store.Reset();
            store.Write(state =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    state.Resources[$"/resource-{i}"] = new JsonObject { ["id"] = $"/resource-{i}" };
                }

                return true;
            });

            store.Write(state =>
            {
                state.Resources["/resource-7"]["tags"] = new JsonObject { ["changed"] = "yes" };
                state.Resources.Remove("/resource-8");
                return state.Resources.Values.Count(r => r["tags"] is not null);
            });
        }

        var lines = File.ReadAllLines(Path.Combine(_directory, "localcloud.journal"));
        // The reset compacted the journal away; then the bulk write and the small one.
        Assert.Equal(2, lines.Length);
        var last = JsonNode.Parse(lines[1])!.AsArray();
        Assert.Equal(["/resource-7", "/resource-8"], last.Select(e => e!["k"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("yes", last.Single(e => e!["k"]!.GetValue<string>() == "/resource-7")!["v"]!["tags"]!["changed"]!.GetValue<string>());
        Assert.Null(last.Single(e => e!["k"]!.GetValue<string>() == "/resource-8")!["v"]);

        using var reopened = OpenStore();
        Assert.Equal(999, reopened.Read(state => state.Resources.Count));
        Assert.False(reopened.Read(state => state.Resources.ContainsKey("/resource-8")));
    }

    [Fact]
    public void A_line_torn_by_a_crash_is_dropped_and_everything_before_it_kept()
    {
        using (var store = OpenStore())
        {
            store.Write(state => state.Containers.TryAdd("account/kept", DateTimeOffset.UnixEpoch));
        }

        File.AppendAllText(Path.Combine(_directory, "localcloud.journal"), """[{"c":"containers","k":"account/torn","v":"2026-""");

        using (var reopened = OpenStore())
        {
            Assert.Equal(["account/kept"], reopened.Read(state => state.Containers.Keys.ToList()));
            // Start-up folded the journal into the snapshot, so later appends never follow the torn line.
            Assert.Equal(0, new FileInfo(Path.Combine(_directory, "localcloud.journal")).Length);
            reopened.Write(state => state.Containers.TryAdd("account/later", DateTimeOffset.UnixEpoch));
        }

        using var again = OpenStore();
        Assert.Equal(["account/kept", "account/later"], again.Read(state => state.Containers.Keys.Order(StringComparer.Ordinal).ToList()));
    }

    [Fact]
    public void A_state_file_from_before_the_journal_still_loads()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "localcloud.json"),
            """{"Resources":{"/subscriptions/x/resourcegroups/old":{"id":"/subscriptions/x/resourceGroups/old"}},"Containers":{},"Blobs":{},"Clusters":{}}""");

        using var store = OpenStore();

        Assert.True(store.Read(state => state.Resources.ContainsKey("/subscriptions/x/resourcegroups/old")));
    }
}
