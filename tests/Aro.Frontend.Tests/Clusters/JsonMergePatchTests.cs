using System.Text.Json.Nodes;
using Aro.Frontend.Clusters;

namespace Aro.Frontend.Tests.Clusters;

public sealed class JsonMergePatchTests
{
    private const string Stored = """
        {"tags": {"team": "platform"},
         "properties": {"workerProfiles": [{"name": "worker", "vmSize": "Standard_D4s_v3", "count": 3}],
                        "ingressProfiles": [{"name": "default", "visibility": "Public", "ip": "1.2.3.4"}],
                        "domains": ["a", "b"]}}
        """;

    [Theory]
    [InlineData("""{"tags": {"owner": "me"}}""", """{"team":"platform","owner":"me"}""", "tags")]
    [InlineData("""{"tags": {"team": null}}""", "{}", "tags")]
    [InlineData("""{"Tags": {"TEAM": "core"}}""", """{"team":"core"}""", "tags")]
    [InlineData("""{"properties": {"workerProfiles": [{"name": "worker", "count": 5}]}}""",
        """[{"name":"worker","vmSize":"Standard_D4s_v3","count":5}]""", "properties.workerProfiles")]
    [InlineData("""{"properties": {"workerProfiles": [{"NAME": "Worker", "count": 5}]}}""",
        """[{"name":"Worker","vmSize":"Standard_D4s_v3","count":5}]""", "properties.workerProfiles")]
    [InlineData("""{"properties": {"ingressProfiles": [{"name": "default", "visibility": "Private"}]}}""",
        """[{"name":"default","visibility":"Private","ip":"1.2.3.4"}]""", "properties.ingressProfiles")]
    [InlineData("""{"properties": {"workerProfiles": [{"name": "other", "count": 5}]}}""",
        """[{"name":"other","count":5}]""", "properties.workerProfiles")]
    [InlineData("""{"properties": {"workerProfiles": [{"count": 5}]}}""", """[{"count":5}]""", "properties.workerProfiles")]
    [InlineData("""{"properties": {"workerProfiles": []}}""", "[]", "properties.workerProfiles")]
    [InlineData("""{"properties": {"domains": ["c"]}}""", """["c"]""", "properties.domains")]
    public void Patches_merge_objects_and_named_elements_and_replace_everything_else(string patch, string expected, string path)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(Stored), JsonNode.Parse(patch))!;

        var node = path.Split('.').Aggregate((JsonNode?)result, (current, key) => current?[key]);
        Assert.Equal(expected, node!.ToJsonString());
    }

    [Fact]
    public void A_patch_leaves_the_stored_document_untouched()
    {
        var stored = JsonNode.Parse(Stored)!;
        var before = stored.ToJsonString();

        JsonMergePatch.Apply(stored, JsonNode.Parse("""{"tags": null, "properties": {"workerProfiles": [{"name": "worker", "count": 9}]}}"""));

        Assert.Equal(before, stored.ToJsonString());
    }
}
