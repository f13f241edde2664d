using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Contracts;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Operations;

public sealed class OpenShiftClusterSystemDataTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private const string Header = "x-ms-arm-resource-system-data";

    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task The_first_write_sets_created_later_writes_only_last_modified_and_no_version_returns_it(string apiVersion)
    {
        await _arm.RegisterSubscriptionAsync();

        var created = await SendAsync(HttpMethod.Put, "c", _arm.ValidCluster(), apiVersion,
            SystemData("alice@contoso.com", "User", "2024-01-02T03:04:05Z", "alice@contoso.com", "User", "2024-01-02T03:04:05Z"));
        Assert.Null((await created.AssertStatusAsync(HttpStatusCode.Created))["systemData"]);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("c"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        var patched = await SendAsync(HttpMethod.Patch, "c", new JsonObject { ["tags"] = new JsonObject { ["t"] = "v" } }, apiVersion,
            SystemData("mallory", "Application", "2030-01-01T00:00:00Z", "00000000-0000-0000-0000-00000000b0b0", "Application", "2024-02-03T04:05:06Z"));
        Assert.Null((await patched.AssertStatusAsync(HttpStatusCode.OK))["systemData"]);
        var fetched = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("c"), apiVersion))).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Null(fetched["systemData"]);

        var stored = (await StoredAsync("c")).OpenShiftCluster.SystemData!;
        Assert.Equal("alice@contoso.com", stored.CreatedBy);
        Assert.Equal("User", stored.CreatedByType);
        Assert.Equal(DateTimeOffset.Parse("2024-01-02T03:04:05Z"), stored.CreatedAt);
        Assert.Equal("00000000-0000-0000-0000-00000000b0b0", stored.LastModifiedBy);
        Assert.Equal("Application", stored.LastModifiedByType);
        Assert.Equal(DateTimeOffset.Parse("2024-02-03T04:05:06Z"), stored.LastModifiedAt);
    }

    [Fact]
    public async Task A_write_without_the_header_keeps_what_is_stored()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await SendAsync(HttpMethod.Put, "keep", _arm.ValidCluster(), ArmTestClient.ApiVersion,
            SystemData("alice", "User", "2024-01-02T03:04:05Z", "alice", "User", "2024-01-02T03:04:05Z"))).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("keep"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        await (await _arm.PatchClusterAsync("keep", new JsonObject { ["tags"] = new JsonObject() })).AssertStatusAsync(HttpStatusCode.OK);

        var stored = (await StoredAsync("keep")).OpenShiftCluster.SystemData!;
        Assert.Equal("alice", stored.CreatedBy);
        Assert.Equal("alice", stored.LastModifiedBy);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"createdAt\": \"yesterday\"}")]
    [InlineData("{\"createdBy\": 42}")]
    [InlineData("{\"createdBy\": \"alice\"")]
    public async Task A_malformed_header_is_ignored_never_a_failure(string header)
    {
        await _arm.RegisterSubscriptionAsync();
        var name = "m" + Guid.NewGuid().ToString("N")[..8];

        var response = await SendAsync(HttpMethod.Put, name, _arm.ValidCluster(), ArmTestClient.ApiVersion, header);

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Null((await StoredAsync(name)).OpenShiftCluster.SystemData);
    }

    [Fact]
    public async Task A_scale_stays_a_scale_when_only_systemData_changes_with_it()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("scale")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("scale"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        var worker = _arm.ValidCluster()["properties"]!["workerProfiles"]![0]!.DeepClone();
        worker["count"] = 5;

        var response = await SendAsync(HttpMethod.Patch, "scale", new JsonObject { ["properties"] = new JsonObject { ["workerProfiles"] = new JsonArray(worker) } },
            ArmTestClient.ApiVersion, SystemData("a", "User", "2024-01-01T00:00:00Z", "b", "User", "2024-01-02T00:00:00Z"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(await factory.PublishedAsync<ClusterScaleRequested>(m => m.Context.Message.ResourceId == _arm.ClusterPath("scale") && m.Context.Message.WorkerCount == 5));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string name, JsonNode body, string apiVersion, string systemData)
    {
        using var request = new HttpRequestMessage(method, ArmTestClient.WithApiVersion(_arm.ClusterPath(name), apiVersion))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(Header, systemData);
        return await _arm.Http.SendAsync(request);
    }

    private static string SystemData(string createdBy, string createdByType, string createdAt, string lastModifiedBy, string lastModifiedByType, string lastModifiedAt) =>
        new JsonObject
        {
            ["createdBy"] = createdBy,
            ["createdByType"] = createdByType,
            ["createdAt"] = createdAt,
            ["lastModifiedBy"] = lastModifiedBy,
            ["lastModifiedByType"] = lastModifiedByType,
            ["lastModifiedAt"] = lastModifiedAt,
        }.ToJsonString();

    private async Task<OpenShiftClusterDocument> StoredAsync(string name)
    {
        var store = factory.Services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await store.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(_arm.SubscriptionId), OpenShiftClusterDocument.KeyFor(_arm.ClusterPath(name)), CancellationToken.None);
        return Assert.IsType<OpenShiftClusterDocument>(document);
    }
}
