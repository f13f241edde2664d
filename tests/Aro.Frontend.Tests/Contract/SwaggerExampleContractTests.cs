using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// Replays every x-ms-examples file of every supported api-version against the running frontend and holds
/// the answer to the example's status and shape, and to the swagger's definitions. Every response, the setup's
/// included, also passes the full schema check of its operation and status (<see cref="SwaggerConformanceHandler"/>).
/// </summary>
public sealed class SwaggerExampleContractTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private const string CreateOrUpdate = "OpenShiftClusters_CreateOrUpdate";

    // Read-only properties the backend fills in once the cluster is installed; the examples show a finished cluster.
    private static readonly string[] FilledByBackend =
    [
        "properties.consoleProfile.url",
        "properties.apiserverProfile.url",
        "properties.apiserverProfile.ip",
        "properties.ingressProfiles[].ip",
    ];

    // The swagger's Operation defines origin and display.description (the RPC requires both); the example leaves them out.
    private static readonly string[] OmittedByOperationsExample = ["origin", "display.description"];

    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    public static TheoryData<string, string> Examples()
    {
        var rows = new TheoryData<string, string>();
        foreach (var apiVersion in SwaggerSpec.ApiVersions)
        {
            foreach (var operation in SwaggerSpec.Load(apiVersion).Operations)
            {
                rows.Add(apiVersion, operation.ExampleFile);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_replays_against_the_frontend(string apiVersion, string exampleFile)
    {
        var spec = SwaggerSpec.Load(apiVersion);
        var values = new ExampleValues(_arm.SubscriptionId, Guid.NewGuid().ToString(), RpFactory.Location);
        var example = spec.Example(spec.OperationOf(exampleFile), values);
        var create = spec.Example(spec.Operation(CreateOrUpdate), values);

        switch (example.Operation.OperationId)
        {
            case CreateOrUpdate:
                await _arm.RegisterSubscriptionAsync();
                var created = await ExpectAsync(await SendAsync(example, example.Body), HttpStatusCode.Created, example);
                AssertCluster(spec, example, created, example.Response(HttpStatusCode.Created), example.Path, nameof(ProvisioningState.Creating));
                break;

            case "OpenShiftClusters_Update":
                await CreateAsync(create, ProvisioningState.Succeeded);
                var updated = await ExpectAsync(await SendAsync(example, example.Body), HttpStatusCode.OK, example);
                AssertCluster(spec, example, updated, example.Response(HttpStatusCode.OK), example.Path, nameof(ProvisioningState.Updating));
                break;

            case "OpenShiftClusters_Get":
                await CreateAsync(create);
                var cluster = await ExpectAsync(await SendAsync(example), HttpStatusCode.OK, example);
                AssertCluster(spec, example, cluster, example.Response(HttpStatusCode.OK), create.Path, nameof(ProvisioningState.Creating));
                break;

            case "OpenShiftClusters_List" or "OpenShiftClusters_ListByResourceGroup":
                await CreateAsync(create);
                var list = await ExpectAsync(await SendAsync(example), HttpStatusCode.OK, example);
                AssertDefined(spec.Definition("OpenShiftClusterList"), list, example);
                var clusters = list["value"]!.AsArray();
                Assert.True(clusters.Count == 1, $"{example}: expected exactly the one cluster created, got {clusters.Count}: {list.ToJsonString()}");
                var expected = example.Response(HttpStatusCode.OK)["value"]![0]!.AsObject();
                AssertCluster(spec, example, clusters[0]!.AsObject(), expected, create.Path, nameof(ProvisioningState.Creating));
                break;

            case "OpenShiftClusters_ListCredentials":
                await CreateAsync(create, ProvisioningState.Succeeded, new ClusterCredentials { KubeadminPassword = "AbCdE-fGhIj-KlMnO-pQrSt" });
                var credentials = await ExpectAsync(await SendAsync(example), HttpStatusCode.OK, example);
                AssertSameProperties(example, JsonPropertyPaths.Of(example.Response(HttpStatusCode.OK)), JsonPropertyPaths.Of(credentials));
                AssertDefined(spec.Definition("OpenShiftClusterCredentials"), credentials, example);
                Assert.Equal("kubeadmin", (string?)credentials["kubeadminUsername"]);
                Assert.Equal("AbCdE-fGhIj-KlMnO-pQrSt", (string?)credentials["kubeadminPassword"]);
                break;

            case "OpenShiftClusters_Delete":
                await CreateAsync(create, ProvisioningState.Succeeded);
                var deleted = await SendAsync(example);
                await ExpectAsync(deleted, HttpStatusCode.Accepted, example);
                var leftover = await deleted.Content.ReadAsStringAsync();
                Assert.True(leftover.Length == 0, $"{example}: the example's 202 has no body, ours has '{leftover}'.");
                break;

            case "Operations_List":
                var operations = await ExpectAsync(await SendAsync(example), HttpStatusCode.OK, example);
                AssertDefined(spec.Definition("OperationList"), operations, example);
                var shape = JsonPropertyPaths.Of(example.Response(HttpStatusCode.OK)["value"]![0]);
                Assert.NotEmpty(operations["value"]!.AsArray());
                foreach (var operation in operations["value"]!.AsArray())
                {
                    var paths = JsonPropertyPaths.Of(operation);
                    var missing = shape.Except(paths).ToList();
                    var extra = paths.Except(shape).Except(OmittedByOperationsExample).ToList();
                    Assert.True(missing.Count == 0 && extra.Count == 0,
                        $"{example}: operation {operation!["name"]} lacks [{string.Join(", ", missing)}] and has [{string.Join(", ", extra)}] compared with the example's operations.");
                }

                break;

            default:
                Assert.Fail($"{example}: no replay for operation {example.Operation.OperationId}; add one.");
                break;
        }
    }

    private Task<HttpResponseMessage> SendAsync(SwaggerExample example, JsonNode? body = null) =>
        _arm.SendAsync(example.Operation.Method, example.PathAndQuery, body);

    /// <summary>Registers the subscription, creates the cluster from the CreateOrUpdate example and plays the backend if asked to.</summary>
    private async Task CreateAsync(SwaggerExample create, ProvisioningState? finishedAs = null, ClusterCredentials? credentials = null)
    {
        await _arm.RegisterSubscriptionAsync();
        await ExpectAsync(await SendAsync(create, create.Body), HttpStatusCode.Created, create);
        if (finishedAs is { } state)
        {
            await factory.UpdateClusterAsync(_arm.SubscriptionId, create.Path, document =>
            {
                document.OpenShiftCluster.Properties.ProvisioningState = state;
                document.OpenShiftCluster.Properties.Credentials = credentials;
            });
        }
    }

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, SwaggerExample example)
    {
        Assert.True(example.Lists(status), $"{example}: the example does not list {(int)status} among its responses.");
        var text = await response.Content.ReadAsStringAsync();
        var request = response.RequestMessage!;
        Assert.True(response.StatusCode == status,
            $"{example}: {request.Method} {request.RequestUri!.PathAndQuery} answered {(int)response.StatusCode}, expected {(int)status}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// Our cluster has the example's shape (values aside, bar the read-only ones the backend fills later),
    /// nothing the swagger does not define, and the identity of the request.
    /// </summary>
    private static void AssertCluster(SwaggerSpec spec, SwaggerExample example, JsonObject ours, JsonObject expected, string resourceId, string provisioningState)
    {
        var paths = JsonPropertyPaths.Of(ours);
        var missing = JsonPropertyPaths.Of(expected).Except(paths).Except(FilledByBackend).ToList();
        Assert.True(missing.Count == 0, $"{example}: our response lacks {string.Join(", ", missing)}, which the example's response has: {ours.ToJsonString()}");
        AssertDefined(spec.Definition("OpenShiftCluster"), ours, example);
        ResponseAssertions.AssertNoSecrets(ours);

        Assert.Equal(resourceId, (string?)ours["id"]);
        Assert.Equal(resourceId.Split('/')[^1], (string?)ours["name"]);
        Assert.Equal(ResourceType(resourceId), (string?)ours["type"]);
        Assert.Equal(RpFactory.Location, (string?)ours["location"]);
        Assert.Equal(provisioningState, (string?)ours["properties"]?["provisioningState"]);
    }

    private static void AssertDefined(SwaggerSchema schema, JsonNode ours, SwaggerExample example)
    {
        var undefined = JsonPropertyPaths.Of(ours).Where(p => !schema.Defines(p)).ToList();
        Assert.True(undefined.Count == 0, $"{example}: our response has {string.Join(", ", undefined)}, which the swagger does not define: {ours.ToJsonString()}");
    }

    private static void AssertSameProperties(SwaggerExample example, IReadOnlySet<string> expected, IReadOnlySet<string> ours) =>
        Assert.True(expected.SetEquals(ours), $"{example}: expected properties [{string.Join(", ", expected)}], ours are [{string.Join(", ", ours)}].");

    // /subscriptions/{s}/resourceGroups/{g}/providers/{namespace}/{type}/{name} has type {namespace}/{type}.
    private static string ResourceType(string resourceId)
    {
        var segments = resourceId.Split('/');
        return segments[^3] + "/" + segments[^2];
    }
}
