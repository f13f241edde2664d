using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Tests.TestData;
using Aro.Api.Versioning;

namespace Aro.Api.Tests.Versioning;

/// <summary>
/// Every swagger example of both versions: requests are accepted by ReadRequest and what the api writes
/// has the shape of the example's responses.
/// </summary>
public sealed class SwaggerExampleTests
{
    private static readonly ApiVersionRegistry Registry = ApiVersionRegistry.CreateDefault();

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var apiVersion in SwaggerExamples.ExampleFolders.Keys)
        {
            foreach (var fileName in SwaggerExamples.FileNames(apiVersion))
            {
                data.Add(apiVersion, fileName);
            }
        }

        return data;
    }

    [Fact]
    public void Both_versions_have_examples()
    {
        foreach (var apiVersion in SwaggerExamples.ExampleFolders.Keys)
        {
            Assert.Contains("OpenShiftClusters_CreateOrUpdate.json", SwaggerExamples.FileNames(apiVersion));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_is_served(string apiVersion, string fileName)
    {
        Assert.True(Registry.TryGet(apiVersion, out var api));
        var example = SwaggerExamples.Load(apiVersion, fileName);

        switch (fileName)
        {
            case "OpenShiftClusters_CreateOrUpdate.json":
                AssertResponses(example, api.WriteResource(Provision(api, apiVersion)));
                break;
            case "OpenShiftClusters_Update.json":
                var existing = Provision(api, apiVersion);
                var merged = MergePatch(api.WriteResource(existing), example["parameters"]!["parameters"]!);
                var updated = api.ReadRequest(merged, new StaticValidationContext(SwaggerExamples.ResourceId(example), ClusterFixture.Location, existing));
                AssertResponses(example, api.WriteResource(updated));
                break;
            case "OpenShiftClusters_Get.json":
                AssertResponses(example, api.WriteResource(Provision(api, apiVersion)));
                break;
            case "OpenShiftClusters_List.json":
            case "OpenShiftClusters_ListByResourceGroup.json":
                AssertResponses(example, api.WriteList([Provision(api, apiVersion)], null));
                break;
            case "OpenShiftClusters_ListCredentials.json":
                var credentials = api.WriteCredentials(new ClusterCredentials { KubeadminPassword = "password" });
                AssertResponses(example, credentials);
                Assert.True(JsonNode.DeepEquals(example["responses"]!["200"]!["body"], credentials));
                break;
            case "Operations_List.json":
                var operations = api.WriteOperations()["value"]!.AsArray();
                foreach (var expected in example["responses"]!["200"]!["body"]!["value"]!.AsArray())
                {
                    var actual = operations.Single(o => (string?)o!["name"] == (string?)expected!["name"]);
                    Assert.Null(JsonShape.FindDifference(WithOriginAndDescription(expected!, actual!), actual));
                    var display = actual!["display"]!.DeepClone().AsObject();
                    display.Remove("description");
                    Assert.True(JsonNode.DeepEquals(expected!["display"], display));
                }

                break;
            case "OpenShiftClusters_Delete.json":
                // Nothing to read or write: DELETE has no body either way.
                Assert.Null(example["parameters"]!["parameters"]);
                break;
            default:
                Assert.Fail($"The example {fileName} is not covered.");
                break;
        }
    }

    /// <summary>
    /// The cluster of the CreateOrUpdate example: its request read as a create, then given the read-only
    /// values the backend sets once provisioned (taken from the example's response).
    /// </summary>
    private static OpenShiftCluster Provision(IOpenShiftClusterApi api, string apiVersion)
    {
        var example = SwaggerExamples.Load(apiVersion, "OpenShiftClusters_CreateOrUpdate.json");
        var context = new StaticValidationContext(SwaggerExamples.ResourceId(example), ClusterFixture.Location, null);
        var cluster = api.ReadRequest(example["parameters"]!["parameters"]!, context);

        var response = example["responses"]!["200"]!["body"]!["properties"]!;
        cluster.Properties.ProvisioningState = Enum.Parse<ProvisioningState>((string)response["provisioningState"]!);
        cluster.Properties.ClusterProfile.Version = (string)response["clusterProfile"]!["version"]!;
        cluster.Properties.ConsoleProfile.Url = (string?)response["consoleProfile"]!["url"];
        cluster.Properties.ApiServerProfile.Url = (string?)response["apiserverProfile"]!["url"];
        cluster.Properties.ApiServerProfile.Ip = (string?)response["apiserverProfile"]!["ip"];
        cluster.Properties.IngressProfiles[0].Ip = (string?)response["ingressProfiles"]![0]!["ip"];
        return cluster;
    }

    private static void AssertResponses(JsonObject example, JsonObject written)
    {
        var responses = example["responses"]!.AsObject().Where(r => r.Value?["body"] is not null).ToList();
        Assert.NotEmpty(responses);
        foreach (var (status, response) in responses)
        {
            var difference = JsonShape.FindDifference(response!["body"], written);
            Assert.True(difference is null, $"response {status}: {difference}");
        }
    }

    // The examples leave origin out; the reference RP always sends it.
    // The examples leave out origin and display.description, which the swagger defines and the RPC requires.
    private static JsonNode WithOriginAndDescription(JsonNode operation, JsonNode actual)
    {
        var copy = operation.DeepClone().AsObject();
        copy["origin"] = "user,system";
        copy["display"]!["description"] = actual["display"]?["description"]?.DeepClone();
        return copy;
    }

    // RFC 7386, as the frontend merges a PATCH body over the stored cluster.
    private static JsonObject MergePatch(JsonObject target, JsonNode patch)
    {
        foreach (var (key, value) in patch.AsObject())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }

        return target;
    }
}
