using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Documents;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Operations;

/// <summary>ETag on reads and writes, If-Match / If-None-Match on PUT, PATCH and DELETE, and their atomicity with the write.</summary>
public sealed class OpenShiftClusterConditionalRequestTests : IDisposable
{
    private readonly RpFactory _factory = new(services =>
    {
        services.AddSingleton(provider => new InterleavingClusterStore(provider.GetRequiredService<SqliteOpenShiftClusterStore>()));
        services.AddSingleton<IOpenShiftClusterStore>(provider => provider.GetRequiredService<InterleavingClusterStore>());
    });

    private readonly ArmTestClient _arm;

    public OpenShiftClusterConditionalRequestTests()
    {
        _arm = new ArmTestClient(_factory.CreateArmClient());
    }

    public void Dispose() => _factory.Dispose();

    // Method, whether the cluster exists, If-Match, If-None-Match ("current" and "stale" stand for ETags), expected status.
    public static TheoryData<string, bool, string?, string?, HttpStatusCode> Rows() => new()
    {
        { "PUT", true, "current", null, HttpStatusCode.OK },
        { "PUT", true, "*", null, HttpStatusCode.OK },
        { "PUT", true, "stale", null, HttpStatusCode.PreconditionFailed },
        { "PUT", false, "*", null, HttpStatusCode.PreconditionFailed },
        { "PUT", false, "stale", null, HttpStatusCode.PreconditionFailed },
        { "PUT", false, null, "*", HttpStatusCode.Created },
        { "PUT", true, null, "*", HttpStatusCode.PreconditionFailed },
        { "PUT", true, null, "current", HttpStatusCode.PreconditionFailed },
        { "PUT", true, null, "stale", HttpStatusCode.OK },
        { "PATCH", true, "current", null, HttpStatusCode.OK },
        { "PATCH", true, "stale", null, HttpStatusCode.PreconditionFailed },
        { "PATCH", false, "*", null, HttpStatusCode.PreconditionFailed },
        { "PATCH", true, null, "*", HttpStatusCode.PreconditionFailed },
        { "DELETE", true, "current", null, HttpStatusCode.Accepted },
        { "DELETE", true, "*", null, HttpStatusCode.Accepted },
        { "DELETE", true, "stale", null, HttpStatusCode.PreconditionFailed },
        { "DELETE", false, "*", null, HttpStatusCode.PreconditionFailed },
        { "DELETE", false, null, null, HttpStatusCode.NoContent },
        { "DELETE", true, null, "*", HttpStatusCode.PreconditionFailed },
        { "DELETE", false, null, "*", HttpStatusCode.NoContent },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Conditional_writes_proceed_or_fail_with_412(string method, bool exists, string? ifMatch, string? ifNoneMatch, HttpStatusCode expected)
    {
        await _arm.RegisterSubscriptionAsync();
        string? etag = null;
        JsonNode body = _arm.ValidCluster();
        if (exists)
        {
            await CreateSucceededAsync("c");
            var get = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("c")));
            etag = get.Headers.ETag!.Tag;
            body = Resubmitted(await get.AssertStatusAsync(HttpStatusCode.OK));
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), ArmTestClient.WithApiVersion(_arm.ClusterPath("c")));
        if (method != "DELETE")
        {
            request.Content = JsonContent(method == "PATCH" ? new JsonObject { ["tags"] = new JsonObject { ["t"] = "v" } } : body);
        }

        AddCondition(request, "If-Match", ifMatch, etag);
        AddCondition(request, "If-None-Match", ifNoneMatch, etag);
        var response = await _arm.Http.SendAsync(request);

        if (expected == HttpStatusCode.PreconditionFailed)
        {
            var header = ifMatch is not null ? "If-Match" : "If-None-Match";
            await response.AssertCloudErrorAsync(HttpStatusCode.PreconditionFailed, "PreconditionFailed", target: header);
            if (exists)
            {
                Assert.Equal(etag, await StoredETagAsync("c"));
            }
        }
        else
        {
            await response.AssertStatusAsync(expected);
        }
    }

    [Fact]
    public async Task Reads_and_writes_answer_the_stored_ETag_and_a_stale_one_no_longer_matches()
    {
        await _arm.RegisterSubscriptionAsync();

        var created = await _arm.PutClusterAsync("c");
        await created.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(await StoredETagAsync("c"), created.Headers.ETag!.Tag);
        await _factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("c"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        var read = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("c")));
        await read.AssertStatusAsync(HttpStatusCode.OK);
        var first = read.Headers.ETag!.Tag;
        Assert.Equal(await StoredETagAsync("c"), first);
        Assert.False(read.Headers.ETag.IsWeak);

        var patched = await PatchTagsAsync(first, "one");
        await patched.AssertStatusAsync(HttpStatusCode.OK);
        Assert.NotEqual(first, patched.Headers.ETag!.Tag);
        Assert.Equal(await StoredETagAsync("c"), patched.Headers.ETag.Tag);

        await _factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("c"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        var stale = await PatchTagsAsync(first, "two");
        await stale.AssertCloudErrorAsync(HttpStatusCode.PreconditionFailed, "PreconditionFailed",
            $"The condition '{first}' specified in the If-Match header is not met by the current state of the resource.", "If-Match");
    }

    [Fact]
    public async Task A_change_between_the_check_and_the_write_makes_a_conditional_PATCH_412_not_a_lost_update()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("c");
        var etag = (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("c")))).Headers.ETag!.Tag;
        Interloper(d => d.OpenShiftCluster.Tags = new Dictionary<string, string> { ["by"] = "other" });

        var response = await PatchTagsAsync(etag, "mine");

        await response.AssertCloudErrorAsync(HttpStatusCode.PreconditionFailed, "PreconditionFailed", target: "If-Match");
        var stored = await StoredAsync("c");
        Assert.Equal(new Dictionary<string, string> { ["by"] = "other" }, stored.OpenShiftCluster.Tags);
        Assert.Equal(ProvisioningState.Succeeded, stored.OpenShiftCluster.Properties.ProvisioningState);
    }

    [Fact]
    public async Task A_change_between_the_check_and_the_write_makes_a_conditional_DELETE_412()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("c");
        var etag = (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("c")))).Headers.ETag!.Tag;
        Interloper(d => d.OpenShiftCluster.Tags = new Dictionary<string, string> { ["by"] = "other" });

        using var request = new HttpRequestMessage(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("c")));
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await _arm.Http.SendAsync(request);

        await response.AssertCloudErrorAsync(HttpStatusCode.PreconditionFailed, "PreconditionFailed", target: "If-Match");
        Assert.Equal(ProvisioningState.Succeeded, (await StoredAsync("c")).OpenShiftCluster.Properties.ProvisioningState);
    }

    [Fact]
    public async Task Without_a_condition_a_PATCH_racing_another_writer_merges_into_what_that_writer_wrote()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("c");
        Interloper(d => d.OpenShiftCluster.Tags = new Dictionary<string, string> { ["by"] = "other" });

        var response = await PatchTagsAsync(null, "mine");

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("other", (string?)body["tags"]!["by"]);
        Assert.Equal("mine", (string?)body["tags"]!["t"]);
    }

    [Fact]
    public async Task A_write_that_keeps_losing_to_other_writers_is_409_Conflict_and_writes_nothing()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("c");
        _factory.Services.GetRequiredService<InterleavingClusterStore>().ArmPersistentInterloper(d => d.OpenShiftCluster.Tags = new Dictionary<string, string> { ["by"] = "other" });

        var response = await PatchTagsAsync(null, "mine");

        await response.AssertCloudErrorAsync(HttpStatusCode.Conflict, "Conflict", "The resource was changed by another request while this one was processed. Retry the request.");
        Assert.False((await StoredAsync("c")).OpenShiftCluster.Tags!.ContainsKey("t"));
    }

    private void Interloper(Action<OpenShiftClusterDocument> change) => _factory.Services.GetRequiredService<InterleavingClusterStore>().ArmInterloper(change);

    private async Task<HttpResponseMessage> PatchTagsAsync(string? ifMatch, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, ArmTestClient.WithApiVersion(_arm.ClusterPath("c")))
        {
            Content = JsonContent(new JsonObject { ["tags"] = new JsonObject { ["t"] = value } }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _arm.Http.SendAsync(request);
    }

    private async Task CreateSucceededAsync(string name)
    {
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await _factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
    }

    private async Task<OpenShiftClusterDocument> StoredAsync(string name)
    {
        var store = _factory.Services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await store.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(_arm.SubscriptionId), OpenShiftClusterDocument.KeyFor(_arm.ClusterPath(name)), CancellationToken.None);
        return Assert.IsType<OpenShiftClusterDocument>(document);
    }

    private async Task<string?> StoredETagAsync(string name) => (await StoredAsync(name)).ETag;

    private static void AddCondition(HttpRequestMessage request, string header, string? kind, string? etag)
    {
        var value = kind switch
        {
            null => null,
            "current" => etag,
            "stale" => "\"0000stale0000\"",
            _ => kind,
        };
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    // A PUT of what GET showed (the write-only secrets a client never sees left out, so they are kept), new tags.
    private static JsonObject Resubmitted(JsonNode current)
    {
        var body = current.DeepClone().AsObject();
        body["tags"] = new JsonObject { ["t"] = "v" };
        return body;
    }
}
