using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Contracts;
using Aro.Frontend.Tests.Infrastructure;
using MassTransit.Testing;

namespace Aro.Frontend.Tests.Operations;

public sealed class OpenShiftClusterPutOrPatchTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task Create_answers_201_Creating_without_secrets_and_publishes_ClusterCreateRequested(string apiVersion)
    {
        await _arm.RegisterSubscriptionAsync();

        var response = await _arm.PutClusterAsync("MyCluster", apiVersion: apiVersion);

        var body = await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("Creating", (string?)body["properties"]!["provisioningState"]);
        Assert.Equal(_arm.ClusterPath("MyCluster"), (string?)body["id"]);
        Assert.Equal("MyCluster", (string?)body["name"]);
        Assert.Equal("Microsoft.RedHatOpenShift/openShiftClusters", (string?)body["type"]);
        Assert.Equal("eastus", (string?)body["location"]);
        ResponseAssertions.AssertNoSecrets(body);

        var asyncOperation = response.Headers.GetValues("Azure-AsyncOperation").Single();
        Assert.StartsWith($"http://localhost/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/", asyncOperation);
        Assert.EndsWith($"?api-version={apiVersion}", asyncOperation);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        Assert.Null(response.Headers.Location);
        var operationId = new Uri(asyncOperation).Segments.Last();

        Assert.True(await factory.PublishedAsync<ClusterCreateRequested>(m =>
            m.Context.Message.OperationId == operationId &&
            m.Context.Message.ResourceId == _arm.ClusterPath("MyCluster") &&
            m.Context.Message.ClusterId == ClusterIdentity.FromResourceId(_arm.ClusterPath("mycluster"))));
    }

    [Fact]
    public async Task Create_keeps_the_callers_casing_and_paths_match_case_insensitively()
    {
        await _arm.RegisterSubscriptionAsync();
        var path = $"/SUBSCRIPTIONS/{_arm.SubscriptionId}/RESOURCEGROUPS/MyRG/PROVIDERS/microsoft.redhatopenshift/OPENSHIFTCLUSTERS/MixedCase?api-version=2020-04-30";

        var created = await (await _arm.SendAsync(HttpMethod.Put, path, _arm.ValidCluster())).AssertStatusAsync(HttpStatusCode.Created);
        var fetched = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("mixedcase", "myrg")))).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("MixedCase", (string?)created["name"]);
        Assert.Equal($"/subscriptions/{_arm.SubscriptionId}/resourceGroups/MyRG/providers/microsoft.redhatopenshift/OPENSHIFTCLUSTERS/MixedCase", (string?)fetched["id"]);
        Assert.Equal("MixedCase", (string?)fetched["name"]);
    }

    [Fact]
    public async Task Write_while_an_operation_is_in_progress_is_refused()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("busy")).AssertStatusAsync(HttpStatusCode.Created);

        var response = await _arm.PutClusterAsync("busy");

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", "Request is not allowed in provisioningState 'Creating'.");
    }

    [Fact]
    public async Task Put_on_a_succeeded_cluster_answers_200_Updating_and_publishes_ClusterUpdateRequested()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("upd");
        var body = _arm.ValidCluster();
        body["tags"] = new JsonObject { ["env"] = "prod" };
        body["properties"]!["servicePrincipalProfile"]!.AsObject().Remove("clientSecret");
        body["properties"]!["clusterProfile"]!.AsObject().Remove("pullSecret");
        body["properties"]!["servicePrincipalProfile"]!["clientId"] = await CurrentClientIdAsync("upd");
        // Tags alone would settle at once (ADR 0006): the worker count makes it work for the backend.
        body["properties"]!["workerProfiles"]![0]!["count"] = 4;

        var response = await _arm.PutClusterAsync("upd", body);

        var updated = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Updating", (string?)updated["properties"]!["provisioningState"]);
        Assert.Equal(new JsonObject { ["env"] = "prod" }.ToJsonString(), updated["tags"]!.ToJsonString());
        var operationId = OperationIdOf(response);
        Assert.True(await factory.PublishedAsync<ClusterUpdateRequested>(m => m.Context.Message.OperationId == operationId));
    }

    [Fact]
    public async Task Patch_changing_only_the_worker_count_publishes_ClusterScaleRequested()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("scale");

        var response = await _arm.PatchClusterAsync("scale", JsonNode.Parse("""{"properties": {"workerProfiles": [{"name": "worker", "vmSize": "Standard_D4s_v3", "diskSizeGB": 128, "subnetId": "SUBNET", "count": 5}]}}""".Replace("SUBNET", WorkerSubnet()))!);

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(5, (int?)body["properties"]!["workerProfiles"]![0]!["count"]);
        Assert.Equal("Updating", (string?)body["properties"]!["provisioningState"]);
        Assert.Contains("/operationresults/", response.Headers.Location!.ToString());
        var operationId = OperationIdOf(response);
        Assert.True(await factory.PublishedAsync<ClusterScaleRequested>(m => m.Context.Message.OperationId == operationId && m.Context.Message.WorkerCount == 5));
    }

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task Patch_scales_with_the_profile_name_and_count_alone(string apiVersion)
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("short-scale");

        var response = await _arm.PatchClusterAsync("short-scale", JsonNode.Parse("""{"properties": {"workerProfiles": [{"name": "worker", "count": 4}]}}""")!, apiVersion);

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        var worker = body["properties"]!["workerProfiles"]![0]!;
        Assert.Equal(4, (int?)worker["count"]);
        Assert.Equal("Standard_D4s_v3", (string?)worker["vmSize"]);
        Assert.Equal(WorkerSubnet(), (string?)worker["subnetId"]);
        var operationId = OperationIdOf(response);
        Assert.True(await factory.PublishedAsync<ClusterScaleRequested>(m => m.Context.Message.OperationId == operationId && m.Context.Message.WorkerCount == 4));
    }

    [Fact]
    public async Task A_patch_naming_a_profile_that_does_not_exist_is_refused_for_that_name()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("unknown-profile");

        var response = await _arm.PatchClusterAsync("unknown-profile", JsonNode.Parse("""{"properties": {"workerProfiles": [{"name": "workers", "count": 4}]}}""")!);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidParameter",
            "The provided worker name 'workers' is invalid.", "properties.workerProfiles['workers'].name");
    }

    [Fact]
    public async Task Patch_answers_with_the_absolute_Location_of_its_result_and_Retry_After()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("patch-headers");
        using var request = new HttpRequestMessage(HttpMethod.Patch, ArmTestClient.WithApiVersion(_arm.ClusterPath("patch-headers")))
        {
            Content = new StringContent("""{"tags": {"owner": "me"}, "properties": {"workerProfiles": [{"name": "worker", "count": 4}]}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Referrer = new Uri($"https://management.azure.com{_arm.ClusterPath("patch-headers")}?api-version=2020-04-30");

        var response = await _arm.Http.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var operationId = OperationIdOf(response);
        Assert.Equal(
            $"https://management.azure.com/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationresults/{operationId}?api-version=2020-04-30",
            response.Headers.Location!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Patch_merges_tags_into_the_stored_resource_while_put_replaces_them()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("tags");

        var patched = await (await _arm.PatchClusterAsync("tags", JsonNode.Parse("""{"tags": {"owner": "me"}}""")!)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("platform", (string?)patched["tags"]!["team"]);
        Assert.Equal("me", (string?)patched["tags"]!["owner"]);
        Assert.Equal(3, (int?)patched["properties"]!["workerProfiles"]![0]!["count"]);
    }

    [Fact]
    public async Task Patch_of_an_immutable_property_is_refused_with_its_path()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("immutable");

        var response = await _arm.PatchClusterAsync("immutable", JsonNode.Parse("""{"properties": {"networkProfile": {"podCidr": "10.64.0.0/14"}}}""")!);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "PropertyChangeNotAllowed",
            "Changing property 'properties.networkProfile.podCidr' is not allowed.", "properties.networkProfile.podCidr");
    }

    [Fact]
    public async Task Patch_of_a_missing_cluster_is_not_found()
    {
        await _arm.RegisterSubscriptionAsync();

        var response = await _arm.PatchClusterAsync("ghost", JsonNode.Parse("""{"tags": {}}""")!);

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            "The Resource 'openshiftclusters/ghost' under resource group 'myresourcegroup' was not found.");
    }

    [Fact]
    public async Task Writes_on_a_cluster_whose_creation_failed_are_refused()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("failed")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("failed"), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Failed;
            d.OpenShiftCluster.Properties.FailedProvisioningState = ProvisioningState.Creating;
        });

        var response = await _arm.PutClusterAsync("failed");

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", "Request is not allowed on cluster whose creation failed. Delete the cluster.");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.BadRequest, "Request is not allowed in unregistered subscription '{0}'.")]
    [InlineData("Warned", HttpStatusCode.Conflict, "Request is not allowed in subscription in state 'Warned'.")]
    [InlineData("Suspended", HttpStatusCode.Conflict, "Request is not allowed in subscription in state 'Suspended'.")]
    [InlineData("Unregistered", HttpStatusCode.BadRequest, "Request is not allowed in subscription in state 'Unregistered'.")]
    public async Task Writes_need_a_registered_subscription(string? state, HttpStatusCode status, string message)
    {
        if (state is not null)
        {
            await _arm.RegisterSubscriptionAsync(state);
        }

        var response = await _arm.PutClusterAsync("nosub");

        await response.AssertCloudErrorAsync(status, "InvalidSubscriptionState", string.Format(message, _arm.SubscriptionId));
    }

    [Fact]
    public async Task Invalid_body_gets_the_validators_error_with_its_target()
    {
        await _arm.RegisterSubscriptionAsync();

        var response = await _arm.PutClusterAsync("badloc", _arm.ValidCluster(location: "westeurope"));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidParameter", "The provided location 'westeurope' is invalid.", "location");
    }

    [Theory]
    [InlineData("{\"location\": ")]
    [InlineData("[1, 2")]
    [InlineData("{\"properties\": {\"workerProfiles\": [{\"count\": \"three\"}]}}")]
    [InlineData("")]
    public async Task Undeserialisable_body_is_InvalidRequestContent(string text)
    {
        await _arm.RegisterSubscriptionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, ArmTestClient.WithApiVersion(_arm.ClusterPath("bad")))
        {
            Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await _arm.Http.SendAsync(request);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidRequestContent");
        var message = (string?)(await JsonNodeOf(response))["error"]!["message"];
        Assert.StartsWith("The request content was invalid and could not be deserialized: \"", message);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task Non_json_content_type_is_UnsupportedMediaType(string contentType)
    {
        await _arm.RegisterSubscriptionAsync();

        var response = await _arm.SendAsync(HttpMethod.Put, ArmTestClient.WithApiVersion(_arm.ClusterPath("xml")), _arm.ValidCluster(), contentType);

        await response.AssertCloudErrorAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType",
            $"The content media type '{contentType}' is not supported. Only 'application/json' is supported.");
    }

    [Fact]
    public async Task Body_over_one_MiB_is_RequestEntityTooLarge()
    {
        await _arm.RegisterSubscriptionAsync();
        var body = _arm.ValidCluster();
        body["tags"] = new JsonObject { ["padding"] = new string('x', 1024 * 1024) };

        var response = await _arm.PutClusterAsync("huge", body);

        await response.AssertCloudErrorAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge",
            "The request content is larger than the maximum of 1048576 bytes.");
    }

    [Fact]
    public async Task Concurrent_creates_of_one_cluster_accept_exactly_one()
    {
        await _arm.RegisterSubscriptionAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _arm.PutClusterAsync("race")));

        var accepted = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", "Request is not allowed in provisioningState 'Creating'.");
        }

        // The stored document is the accepted request's, whole, and points at its operation.
        var stored = await JsonNodeOf(await _arm.GetAsync($"{_arm.ClusterPath("race")}?api-version={ArmTestClient.ApiVersion}"));
        Assert.Equal((await JsonNodeOf(accepted))["properties"]!.ToJsonString(), stored["properties"]!.ToJsonString());
        Assert.True(await factory.PublishedAsync<ClusterCreateRequested>(m => m.Context.Message.OperationId == OperationIdOf(accepted)));
    }

    private async Task CreateSucceededAsync(string name)
    {
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
    }

    private async Task<string> CurrentClientIdAsync(string name)
    {
        var body = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath(name)))).AssertStatusAsync(HttpStatusCode.OK);
        return (string)body["properties"]!["servicePrincipalProfile"]!["clientId"]!;
    }

    private string WorkerSubnet() =>
        $"/subscriptions/{_arm.SubscriptionId}/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet/subnets/worker";

    private static string OperationIdOf(HttpResponseMessage response)
    {
        return new Uri(response.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
    }

    private static async Task<JsonNode> JsonNodeOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
