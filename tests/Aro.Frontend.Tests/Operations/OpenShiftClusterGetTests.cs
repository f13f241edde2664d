using System.Net;
using System.Text.Json.Nodes;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class OpenShiftClusterGetTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task Get_returns_the_cluster_without_secrets(string apiVersion)
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("seen")).AssertStatusAsync(HttpStatusCode.Created);

        var body = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("seen"), apiVersion))).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("seen", (string?)body["name"]);
        Assert.Equal("Creating", (string?)body["properties"]!["provisioningState"]);
        Assert.Equal("4.3.0", (string?)body["properties"]!["clusterProfile"]!["version"]);
        ResponseAssertions.AssertNoSecrets(body);
    }

    [Fact]
    public async Task Get_and_list_answer_a_cluster_whose_stored_secret_was_copied_from_another_cluster()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("source")).AssertStatusAsync(HttpStatusCode.Created);
        await (await _arm.PutClusterAsync("target")).AssertStatusAsync(HttpStatusCode.Created);
        JsonNode? sealedElsewhere = null;
        await factory.RewriteStoredClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("source"), body =>
        {
            sealedElsewhere = ClientSecretOf(body)!.DeepClone();
            return body;
        });

        // Sealed for "source", the value does not open in "target"; reads never open it, so they do not notice.
        await factory.RewriteStoredClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("target"), body =>
        {
            body["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"] = sealedElsewhere;
            return body;
        });

        var got = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("target")))).AssertStatusAsync(HttpStatusCode.OK);
        var listed = await (await _arm.GetAsync(ArmTestClient.WithApiVersion($"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters"))).AssertStatusAsync(HttpStatusCode.OK);

        Assert.StartsWith("enc:v2:", (string?)sealedElsewhere, StringComparison.Ordinal);
        Assert.Equal("target", (string?)got["name"]);
        ResponseAssertions.AssertNoSecrets(got);
        Assert.Equal(["source", "target"], listed["value"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public async Task Get_of_a_missing_cluster_is_ResourceNotFound_even_without_a_registered_subscription()
    {
        var response = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("Missing")));

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            "The Resource 'openshiftclusters/missing' under resource group 'myresourcegroup' was not found.");
    }

    [Theory]
    [InlineData("/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c?api-version=2020-04-30",
        "InvalidSubscriptionID", "The provided subscription identifier 'not-a-guid' is malformed or invalid.")]
    [InlineData("/subscriptions/{sub}/resourceGroups/rg$bad/providers/Microsoft.RedHatOpenShift/openShiftClusters/c?api-version=2020-04-30",
        "ResourceGroupNotFound", "Resource group 'rg$bad' could not be found.")]
    [InlineData("/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/openShiftClusters/c?api-version=2020-04-30",
        "InvalidResourceNamespace", "The resource namespace 'microsoft.compute' is invalid.")]
    [InlineData("/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/virtualMachines/c?api-version=2020-04-30",
        "InvalidResourceType", "The resource type 'virtualmachines' could not be found in the namespace 'microsoft.redhatopenshift' for api version '2020-04-30'.")]
    [InlineData("/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/bad.name.?api-version=2020-04-30",
        "ResourceNotFound", "The Resource 'microsoft.redhatopenshift/openshiftclusters/bad.name.' under resource group 'rg' was not found.")]
    [InlineData("/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c?api-version=2021-01-01",
        "InvalidResourceType", "The resource type 'openshiftclusters' could not be found in the namespace 'microsoft.redhatopenshift' for api version '2021-01-01'.")]
    [InlineData("/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c",
        "InvalidResourceType", "The resource type 'openshiftclusters' could not be found in the namespace 'microsoft.redhatopenshift' for api version ''.")]
    public async Task Malformed_paths_get_the_reference_RPs_errors(string path, string code, string message)
    {
        var response = await _arm.GetAsync(path.Replace("{sub}", _arm.SubscriptionId));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, code, message);
    }

    private static JsonNode? ClientSecretOf(JsonObject body) =>
        body["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"];
}
