using System.Net;
using System.Text.Json.Nodes;
using Aro.Api;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class AsyncOperationResultGetTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Fact]
    public async Task A_running_operation_answers_202_with_its_own_absolute_Location_from_the_Referer_and_Retry_After()
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = OperationIdOf(await _arm.PutClusterAsync("running"));
        var path = ResultPath(operationId);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Referrer = new Uri("https://management.azure.com" + path);

        var response = await _arm.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("https://management.azure.com" + path, response.Headers.Location!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_Referer_the_Location_is_the_request_url()
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = OperationIdOf(await _arm.PutClusterAsync("no-referer"));

        var response = await _arm.GetAsync(ResultPath(operationId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("http://localhost" + ResultPath(operationId), response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task A_succeeded_create_answers_200_with_the_cluster_as_a_GET_in_the_requested_api_version_shows_it(string apiVersion)
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = OperationIdOf(await _arm.PutClusterAsync("created"));
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("created"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        await EndAsync(operationId, ProvisioningState.Succeeded);

        var result = await (await _arm.GetAsync(ResultPath(operationId, apiVersion))).AssertStatusAsync(HttpStatusCode.OK);

        var get = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("created"), apiVersion))).AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(get, result), result.ToJsonString());
        Assert.Equal("Succeeded", (string?)result["properties"]!["provisioningState"]);
        ResponseAssertions.AssertNoSecrets(result);
    }

    [Fact]
    public async Task The_Location_of_a_patch_answers_the_updated_cluster_once_the_update_succeeded()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("patched");
        var patch = await _arm.PatchClusterAsync("patched", JsonNode.Parse("""{"tags": {"owner": "me"}, "properties": {"workerProfiles": [{"name": "worker", "count": 4}]}}""")!);
        await patch.AssertStatusAsync(HttpStatusCode.OK);
        var location = patch.Headers.Location!;

        Assert.Equal(HttpStatusCode.Accepted, (await _arm.GetAsync(location.PathAndQuery)).StatusCode);

        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("patched"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        await EndAsync(location.Segments.Last(), ProvisioningState.Succeeded);
        var result = await (await _arm.GetAsync(location.PathAndQuery)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("me", (string?)result["tags"]!["owner"]);
        Assert.Equal("Succeeded", (string?)result["properties"]!["provisioningState"]);
    }

    [Fact]
    public async Task The_Location_of_a_delete_answers_204_without_a_body_once_the_cluster_is_gone()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("deleted");
        var delete = await _arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("deleted")));
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        var location = delete.Headers.Location!;
        Assert.Equal(HttpStatusCode.Accepted, (await _arm.GetAsync(location.PathAndQuery)).StatusCode);

        await factory.DeleteClusterDocumentAsync(_arm.SubscriptionId, _arm.ClusterPath("deleted"));
        await EndAsync(location.Segments.Last(), ProvisioningState.Succeeded);
        var result = await _arm.GetAsync(location.PathAndQuery);

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Empty(await result.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(CloudErrorCodes.InvalidLinkedVNet, "properties.masterProfile.subnetId", HttpStatusCode.BadRequest)]
    [InlineData(CloudErrorCodes.InvalidParameter, "properties.clusterProfile.domain", HttpStatusCode.BadRequest)]
    [InlineData(CloudErrorCodes.InvalidServicePrincipalCredentials, "properties.servicePrincipalProfile", HttpStatusCode.BadRequest)]
    [InlineData(CloudErrorCodes.InvalidServicePrincipalPermissions, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", HttpStatusCode.BadRequest)]
    [InlineData(CloudErrorCodes.RequestNotAllowed, null, HttpStatusCode.BadRequest)]
    [InlineData(CloudErrorCodes.InternalServerError, null, HttpStatusCode.Conflict)]
    [InlineData("DeploymentFailed", null, HttpStatusCode.Conflict)]
    public async Task A_failed_operation_answers_its_stored_error_400_for_user_errors_else_409(string code, string? target, HttpStatusCode expected)
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = OperationIdOf(await _arm.PutClusterAsync("failed"));
        await EndAsync(operationId, ProvisioningState.Failed, new CloudErrorBody(code, "It went wrong.", target));

        var response = await _arm.GetAsync(ResultPath(operationId));

        await response.AssertCloudErrorAsync(expected, code, "It went wrong.", target);
    }

    [Fact]
    public async Task A_succeeded_create_of_a_cluster_deleted_since_is_ResourceNotFound()
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = OperationIdOf(await _arm.PutClusterAsync("Gone"));
        await EndAsync(operationId, ProvisioningState.Succeeded);
        await factory.DeleteClusterDocumentAsync(_arm.SubscriptionId, _arm.ClusterPath("Gone"));

        var response = await _arm.GetAsync(ResultPath(operationId));

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            "The Resource 'openshiftclusters/gone' under resource group 'myresourcegroup' was not found.");
    }

    [Fact]
    public async Task Unknown_operations_are_NotFound()
    {
        var response = await _arm.GetAsync(ResultPath(Guid.NewGuid().ToString()));

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "NotFound", "The entity was not found.");
    }

    [Theory]
    [InlineData("operationresults")]
    [InlineData("operationsstatus")]
    public async Task Another_subscriptions_operation_is_NotFound(string endpoint)
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = OperationIdOf(await _arm.PutClusterAsync("mine"));
        var stranger = new ArmTestClient(factory.CreateArmClient());

        var response = await stranger.GetAsync(
            $"/subscriptions/{stranger.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/{endpoint}/{operationId}?api-version=2020-04-30");

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "NotFound", "The entity was not found.");
    }

    [Fact]
    public async Task Another_location_is_InvalidLocation()
    {
        var response = await _arm.GetAsync(ResultPath(Guid.NewGuid().ToString(), location: "westus"));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidLocation", "The provided location 'westus' is malformed or invalid.");
    }

    [Fact]
    public async Task A_malformed_operation_id_is_InvalidOperationID()
    {
        var response = await _arm.GetAsync(ResultPath("xyz"));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidOperationID", "The provided operation identifier 'xyz' is malformed or invalid.");
    }

    private string ResultPath(string operationId, string apiVersion = ArmTestClient.ApiVersion, string location = RpFactory.Location) =>
        $"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/{location}/operationresults/{operationId}?api-version={apiVersion}";

    private Task EndAsync(string operationId, ProvisioningState status, CloudErrorBody? error = null) =>
        factory.UpdateOperationAsync(_arm.SubscriptionId, operationId, d =>
        {
            d.AsyncOperation.Status = status;
            d.AsyncOperation.Error = error;
            d.AsyncOperation.EndTime = DateTimeOffset.UtcNow;
        });

    private async Task CreateSucceededAsync(string name)
    {
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
    }

    private static string OperationIdOf(HttpResponseMessage response) =>
        new Uri(response.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
}
