using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Contracts;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Operations;

/// <summary>
/// A PUT or PATCH that changes only the tags of a Succeeded cluster settles at once (ADR 0006): 200 with the
/// cluster, Succeeded, a new ETag, no polling headers, no async operation, nothing published. Everything else keeps
/// the asynchronous path and its refusals.
/// </summary>
public sealed class OpenShiftClusterTagsOnlyWriteTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task A_tags_only_patch_answers_200_Succeeded_at_once_and_publishes_nothing(string apiVersion)
    {
        await _arm.RegisterSubscriptionAsync();
        var operationId = await CreateSucceededAsync("patch");
        var before = await EtagAsync("patch");

        var response = await _arm.PatchClusterAsync("patch", JsonNode.Parse("""{"tags": {"owner": "me"}}""")!, apiVersion);

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Succeeded", (string?)body["properties"]!["provisioningState"]);
        Assert.Equal("""{"team":"platform","owner":"me"}""", body["tags"]!.ToJsonString());
        Assert.Equal(_arm.ClusterPath("patch"), (string?)body["id"]);
        ResponseAssertions.AssertNoSecrets(body);
        AssertSettledAtOnce(response);
        Assert.NotEqual(before, response.Headers.ETag!.Tag);
        Assert.Equal(await EtagAsync("patch"), response.Headers.ETag.Tag);
        await AssertNothingPublishedAfterTheCreateAsync("patch");
        Assert.Equal(operationId, (await StoredAsync("patch")).AsyncOperationId);
    }

    [Fact]
    public async Task A_tags_only_put_of_what_GET_showed_answers_200_Succeeded_at_once_and_publishes_nothing()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("put");
        var get = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("put")));
        var body = (await get.AssertStatusAsync(HttpStatusCode.OK)).DeepClone();
        body["tags"] = new JsonObject { ["env"] = "prod" };

        var response = await _arm.PutClusterAsync("put", body);

        var updated = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Succeeded", (string?)updated["properties"]!["provisioningState"]);
        Assert.Equal("""{"env":"prod"}""", updated["tags"]!.ToJsonString());
        AssertSettledAtOnce(response);
        Assert.NotEqual(get.Headers.ETag!.Tag, response.Headers.ETag!.Tag);
        await AssertNothingPublishedAfterTheCreateAsync("put");

        // The secrets the PUT left out are kept, as on the asynchronous path.
        var stored = (await StoredAsync("put")).OpenShiftCluster.Properties;
        Assert.Equal("super-secret-client-secret", stored.ServicePrincipalProfile.ClientSecret);
    }

    [Fact]
    public async Task A_second_tags_only_patch_right_after_the_first_succeeds_and_keeps_both()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("twice");

        var first = await _arm.PatchClusterAsync("twice", JsonNode.Parse("""{"tags": {"first": "1"}}""")!);
        var second = await _arm.PatchClusterAsync("twice", JsonNode.Parse("""{"tags": {"second": "2"}}""")!);

        await first.AssertStatusAsync(HttpStatusCode.OK);
        var body = await second.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("""{"team":"platform","first":"1","second":"2"}""", body["tags"]!.ToJsonString());
        Assert.Equal("Succeeded", (string?)body["properties"]!["provisioningState"]);
    }

    [Fact]
    public async Task A_tags_only_patch_with_a_stale_If_Match_is_412_and_writes_nothing()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("stale");
        var stale = await EtagAsync("stale");
        await (await _arm.PatchClusterAsync("stale", JsonNode.Parse("""{"tags": {"by": "someone-else"}}""")!)).AssertStatusAsync(HttpStatusCode.OK);
        var current = await EtagAsync("stale");

        using var request = new HttpRequestMessage(HttpMethod.Patch, ArmTestClient.WithApiVersion(_arm.ClusterPath("stale")))
        {
            Content = new StringContent("""{"tags": {"by": "me"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", stale);
        var response = await _arm.Http.SendAsync(request);

        await response.AssertCloudErrorAsync(HttpStatusCode.PreconditionFailed, "PreconditionFailed",
            $"The condition '{stale}' specified in the If-Match header is not met by the current state of the resource.", "If-Match");
        Assert.Equal(current, await EtagAsync("stale"));
        Assert.Equal("someone-else", (await StoredAsync("stale")).OpenShiftCluster.Tags!["by"]);
    }

    [Fact]
    public async Task Concurrent_tags_only_patches_lose_no_update_each_is_kept_or_refused()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            _arm.PatchClusterAsync("race", new JsonObject { ["tags"] = new JsonObject { [$"writer-{i}"] = "x" } })));

        var tags = (await StoredAsync("race")).OpenShiftCluster.Tags!;
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.OK)
            {
                Assert.True(tags.ContainsKey($"writer-{i}"), $"writer-{i} was answered 200 but its tag is gone: a lost update.");
            }
            else
            {
                await responses[i].AssertCloudErrorAsync(HttpStatusCode.Conflict, "Conflict");
                Assert.False(tags.ContainsKey($"writer-{i}"), $"writer-{i} was refused but its tag was written.");
            }
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(ProvisioningState.Succeeded, (await StoredAsync("race")).OpenShiftCluster.Properties.ProvisioningState);
    }

    [Fact]
    public async Task A_patch_changing_tags_and_the_worker_count_still_goes_through_the_backend()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("both");

        var response = await _arm.PatchClusterAsync("both", JsonNode.Parse("""{"tags": {"owner": "me"}, "properties": {"workerProfiles": [{"name": "worker", "count": 4}]}}""")!);

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Updating", (string?)body["properties"]!["provisioningState"]);
        var operationId = new Uri(response.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
        Assert.NotNull(response.Headers.Location);
        Assert.True(await factory.PublishedAsync<ClusterUpdateRequested>(m => m.Context.Message.OperationId == operationId && m.Context.Message.WorkerCount == 4));
    }

    [Fact]
    public async Task A_write_that_changes_nothing_still_asks_the_backend_to_converge()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("same");

        var response = await _arm.PatchClusterAsync("same", JsonNode.Parse("""{"tags": {"team": "platform"}}""")!);

        Assert.Equal("Updating", (string?)(await response.AssertStatusAsync(HttpStatusCode.OK))["properties"]!["provisioningState"]);
        var operationId = new Uri(response.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
        Assert.True(await factory.PublishedAsync<ClusterUpdateRequested>(m => m.Context.Message.OperationId == operationId));
    }

    [Theory]
    [InlineData(ProvisioningState.Creating)]
    [InlineData(ProvisioningState.Updating)]
    [InlineData(ProvisioningState.AdminUpdating)]
    [InlineData(ProvisioningState.Deleting)]
    public async Task A_tags_only_patch_while_an_operation_is_in_progress_is_refused_as_any_write(ProvisioningState state)
    {
        await _arm.RegisterSubscriptionAsync();
        var name = "busy-" + state.ToString().ToLowerInvariant();
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d => d.OpenShiftCluster.Properties.ProvisioningState = state);

        var response = await _arm.PatchClusterAsync(name, JsonNode.Parse("""{"tags": {"owner": "me"}}""")!);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", $"Request is not allowed in provisioningState '{state}'.");
    }

    [Fact]
    public async Task A_tags_only_patch_after_a_failed_update_is_the_customers_retry_and_never_turns_Failed_into_Succeeded()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("failed");
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("failed"), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Failed;
            d.OpenShiftCluster.Properties.FailedProvisioningState = ProvisioningState.Updating;
        });

        var response = await _arm.PatchClusterAsync("failed", JsonNode.Parse("""{"tags": {"owner": "me"}}""")!);

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Updating", (string?)body["properties"]!["provisioningState"]);
        var operationId = new Uri(response.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
        Assert.True(await factory.PublishedAsync<ClusterUpdateRequested>(m => m.Context.Message.OperationId == operationId));
    }

    [Fact]
    public async Task A_tags_only_patch_on_a_cluster_whose_creation_failed_is_refused_as_any_write()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("failed-create")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("failed-create"), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Failed;
            d.OpenShiftCluster.Properties.FailedProvisioningState = ProvisioningState.Creating;
        });

        var response = await _arm.PatchClusterAsync("failed-create", JsonNode.Parse("""{"tags": {"owner": "me"}}""")!);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", "Request is not allowed on cluster whose creation failed. Delete the cluster.");
    }

    // A tags-only body that breaks a rule, and the error it got before tags-only writes settled at once.
    public static TheoryData<string, string, HttpStatusCode, string, string?> InvalidTags() => new()
    {
        { "51 tags", new JsonObject { ["tags"] = new JsonObject(Enumerable.Range(0, 51).Select(i => KeyValuePair.Create($"t{i}", (JsonNode?)"v"))) }.ToJsonString(),
            HttpStatusCode.BadRequest, "InvalidParameter", "tags" },
        { "a value of 257 characters", new JsonObject { ["tags"] = new JsonObject { ["long"] = new string('v', 257) } }.ToJsonString(),
            HttpStatusCode.BadRequest, "InvalidParameter", "tags" },
        { "a name of 513 characters", new JsonObject { ["tags"] = new JsonObject { [new string('n', 513)] = "v" } }.ToJsonString(),
            HttpStatusCode.BadRequest, "InvalidParameter", "tags" },
        { "a raw control character", "{\"tags\": {\"owner\": \"a\u0001b\"}}", HttpStatusCode.BadRequest, "InvalidRequestContent", null },
        { "an unpaired surrogate", "{\"tags\": {\"owner\": \"\\ud800\"}}", HttpStatusCode.BadRequest, "InvalidRequestContent", "tags.owner" },
        { "a body over 1 MiB", "{\"tags\": {\"a\": \"" + new string('x', 1024 * 1024) + "\"}}", HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge", null },
    };

    [Theory]
    [MemberData(nameof(InvalidTags))]
    public async Task Invalid_tags_get_the_validation_errors_they_always_got_and_change_nothing(string description, string body, HttpStatusCode status, string code, string? target)
    {
        await _arm.RegisterSubscriptionAsync();
        var name = "invalid-" + Guid.NewGuid().ToString("N")[..8];
        await CreateSucceededAsync(name);
        var before = await EtagAsync(name);

        using var request = new HttpRequestMessage(HttpMethod.Patch, ArmTestClient.WithApiVersion(_arm.ClusterPath(name)))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var response = await _arm.Http.SendAsync(request);

        await response.AssertCloudErrorAsync(status, code, target: target);
        Assert.True(before == await EtagAsync(name), $"{description}: the cluster was written.");
    }

    private static void AssertSettledAtOnce(HttpResponseMessage response)
    {
        Assert.False(response.Headers.Contains("Azure-AsyncOperation"));
        Assert.Null(response.Headers.Location);
        Assert.Null(response.Headers.RetryAfter);
    }

    private async Task AssertNothingPublishedAfterTheCreateAsync(string name)
    {
        var resourceId = _arm.ClusterPath(name);
        Assert.True(await factory.PublishedAsync<ClusterCreateRequested>(m => m.Context.Message.ResourceId == resourceId));
        Assert.False(await factory.PublishedAnyAsync(m =>
            m.MessageObject is IClusterOperationMessage message && message.ResourceId == resourceId && message is not ClusterCreateRequested));
    }

    /// <summary>Creates the cluster and settles it as the backend would; returns the create's operation id.</summary>
    private async Task<string> CreateSucceededAsync(string name)
    {
        var created = await _arm.PutClusterAsync(name);
        await created.AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        return new Uri(created.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
    }

    private async Task<string> EtagAsync(string name) =>
        (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath(name)))).Headers.ETag!.Tag;

    private async Task<OpenShiftClusterDocument> StoredAsync(string name)
    {
        var store = factory.Services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await store.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(_arm.SubscriptionId), OpenShiftClusterDocument.KeyFor(_arm.ClusterPath(name)), CancellationToken.None);
        return Assert.IsType<OpenShiftClusterDocument>(document);
    }
}
