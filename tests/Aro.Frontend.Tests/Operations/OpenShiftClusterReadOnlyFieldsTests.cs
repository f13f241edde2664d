using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

/// <summary>
/// Read-only fields in a PUT or PATCH body, over HTTP: sent back as GET showed them they are ignored; with another
/// value they are 400 PropertyChangeNotAllowed on their path (the reference RP's validateDelta).
/// </summary>
public sealed class OpenShiftClusterReadOnlyFieldsTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    // Field (a path into the GET body), the value to send ("=" sends the current one), the target refused (null: accepted).
    public static TheoryData<string, string, string, string?> Rows()
    {
        var rows = new TheoryData<string, string, string, string?>();
        foreach (var method in new[] { "PUT", "PATCH" })
        {
            rows.Add(method, "properties.provisioningState", "=", null);
            rows.Add(method, "properties.provisioningState", "Failed", "properties.provisioningState");
            rows.Add(method, "properties.provisioningState", "Creating", "properties.provisioningState");
            rows.Add(method, "properties.consoleProfile.url", "=", null);
            rows.Add(method, "properties.consoleProfile.url", "https://elsewhere/", "properties.consoleProfile.url");
            rows.Add(method, "properties.apiserverProfile.url", "=", null);
            rows.Add(method, "properties.apiserverProfile.url", "https://api.elsewhere:6443/", "properties.apiserverProfile.url");
            rows.Add(method, "properties.apiserverProfile.ip", "=", null);
            rows.Add(method, "properties.apiserverProfile.ip", "9.9.9.9", "properties.apiserverProfile.ip");
            rows.Add(method, "properties.ingressProfiles[0].ip", "=", null);
            rows.Add(method, "properties.ingressProfiles[0].ip", "9.9.9.9", "properties.ingressProfiles['default'].ip");
            rows.Add(method, "properties.clusterProfile.version", "=", null);
            rows.Add(method, "properties.clusterProfile.version", "4.9.9", "properties.clusterProfile.version");
            rows.Add(method, "id", "=", null);
            rows.Add(method, "name", "=", null);
            rows.Add(method, "type", "=", null);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Read_only_fields_are_ignored_unchanged_and_refused_changed(string method, string field, string value, string? refusedTarget)
    {
        await _arm.RegisterSubscriptionAsync();
        var name = "ro" + Guid.NewGuid().ToString("N")[..8];
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d =>
        {
            var properties = d.OpenShiftCluster.Properties;
            properties.ProvisioningState = ProvisioningState.Succeeded;
            properties.ConsoleProfile.Url = "https://console-openshift-console.apps.c.eastus.aroapp.io/";
            properties.ApiServerProfile.Url = "https://api.c.eastus.aroapp.io:6443/";
            properties.ApiServerProfile.Ip = "1.2.3.4";
            properties.IngressProfiles[0].Ip = "1.2.3.5";
        });
        var current = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath(name)))).AssertStatusAsync(HttpStatusCode.OK);

        var body = method == "PUT" ? current.DeepClone().AsObject() : new JsonObject();
        Set(body, field, value == "=" ? Get(current, field)!.DeepClone() : JsonValue.Create(value));
        var response = method == "PUT" ? await _arm.PutClusterAsync(name, body) : await _arm.PatchClusterAsync(name, body);

        if (refusedTarget is null)
        {
            var updated = await response.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("Updating", (string?)updated["properties"]!["provisioningState"]);
            if (field != "properties.provisioningState")
            {
                Assert.Equal(Get(current, field)!.ToJsonString(), Get(updated, field)!.ToJsonString());
            }
        }
        else
        {
            await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "PropertyChangeNotAllowed", $"Changing property '{refusedTarget}' is not allowed.", refusedTarget);
        }
    }

    // "a.b[0].c" paths, creating objects and copying arrays from the current body as needed for a PATCH.
    private static JsonNode? Get(JsonNode node, string path) =>
        Steps(path).Aggregate((JsonNode?)node, (n, step) => step is int i ? n?[i] : n?[(string)step]);

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var steps = Steps(path).ToList();
        JsonNode parent = body;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            var next = steps[i] is int index ? parent[index] : parent[(string)steps[i]];
            if (next is null)
            {
                next = steps[i + 1] is int ? new JsonArray(new JsonObject { ["name"] = "default", ["visibility"] = "Public" }) : new JsonObject();
                parent[(string)steps[i]] = next;
            }

            parent = next;
        }

        if (steps[^1] is int last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(string)steps[^1]] = value;
        }
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0)
            {
                yield return part;
                continue;
            }

            yield return part[..bracket];
            yield return int.Parse(part[(bracket + 1)..^1]);
        }
    }
}
