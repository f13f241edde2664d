using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Contracts;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Clusters;

/// <summary>A managed cluster domain is one cluster's at a time, across subscriptions (the reference RP's DuplicateDomain).</summary>
public sealed class ClusterDomainGuardTests : IAsyncLifetime
{
    private readonly RpFactory _factory = new(services =>
    {
        services.AddSingleton(provider => new InterleavingClusterStore(provider.GetRequiredService<SqliteOpenShiftClusterStore>()));
        services.AddSingleton<IOpenShiftClusterStore>(provider => provider.GetRequiredService<InterleavingClusterStore>());
    });

    // Two customers: a domain is unique across subscriptions, not only within one.
    private readonly ArmTestClient _first;
    private readonly ArmTestClient _second;

    // Each test its own domain, so that the tests sharing nothing but the class still never meet.
    private readonly string _domain = "d" + Guid.NewGuid().ToString("N")[..12];

    public ClusterDomainGuardTests()
    {
        _first = new ArmTestClient(_factory.CreateArmClient());
        _second = new ArmTestClient(_factory.CreateArmClient());
    }

    public async Task InitializeAsync()
    {
        await _first.RegisterSubscriptionAsync();
        await _second.RegisterSubscriptionAsync();
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_create_with_a_domain_another_cluster_holds_is_refused_and_leaves_nothing()
    {
        await CreateAsync(_first, "owner", _domain);

        var response = await PutAsync(_second, "intruder", _domain);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "DuplicateDomain", $"The provided domain '{_domain}' is already in use by a cluster.");
        await (await _second.GetAsync(ArmTestClient.WithApiVersion(_second.ClusterPath("intruder")))).AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.False(await _factory.PublishedAsync<ClusterCreateRequested>(m => m.Context.Message.ResourceId == _second.ClusterPath("intruder")));
    }

    [Theory]
    [InlineData("{0}.aro.localhost", "{0}")]
    [InlineData("{0}", "{0}.aro.localhost")]
    [InlineData("{0}", "{0}")]
    public async Task The_same_managed_domain_written_another_way_is_a_duplicate(string held, string asked)
    {
        await CreateAsync(_first, "owner", string.Format(held, _domain));

        // Requests only get lower-case domains past the validator; one stored in another case must count all the same.
        await _factory.UpdateClusterAsync(_first.SubscriptionId, _first.ClusterPath("owner"), d => d.OpenShiftCluster.Properties.ClusterProfile.Domain = string.Format(held, _domain).ToUpperInvariant());
        var response = await PutAsync(_second, "intruder", string.Format(asked, _domain));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "DuplicateDomain");
    }

    [Fact]
    public async Task The_same_cluster_can_be_put_again_with_its_domain()
    {
        await CreateAsync(_first, "owner", _domain);
        await _factory.UpdateClusterAsync(_first.SubscriptionId, _first.ClusterPath("owner"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        var body = Body(_first, _domain);
        body["properties"]!["servicePrincipalProfile"]!.AsObject().Remove("clientSecret");
        body["properties"]!["clusterProfile"]!.AsObject().Remove("pullSecret");
        body["properties"]!["servicePrincipalProfile"]!["clientId"] = await ClientIdAsync(_first, "owner");

        var response = await _first.PutClusterAsync("owner", body);

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deleted_cluster_frees_its_domain_once_its_document_is_gone()
    {
        await CreateAsync(_first, "owner", _domain);
        await _factory.UpdateClusterAsync(_first.SubscriptionId, _first.ClusterPath("owner"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Deleting);

        // While it is being deleted its DNS records still exist.
        await (await PutAsync(_second, "next", _domain)).AssertCloudErrorAsync(HttpStatusCode.BadRequest, "DuplicateDomain");

        await _factory.DeleteClusterDocumentAsync(_first.SubscriptionId, _first.ClusterPath("owner"));

        await (await PutAsync(_second, "next", _domain)).AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_customers_own_domain_is_theirs_to_share()
    {
        var domain = $"{_domain}.contoso.com";
        await CreateAsync(_first, "owner", domain);

        await (await PutAsync(_second, "other", domain)).AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_create_that_loses_the_race_for_a_domain_is_refused_after_its_write_and_leaves_nothing()
    {
        // The other create commits between this create's check and its write: both checks saw the domain free.
        _factory.Services.GetRequiredService<InterleavingClusterStore>().ArmCreateInterloper(async () => await CreateAsync(_first, "winner", _domain));

        var response = await PutAsync(_second, "loser", _domain);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "DuplicateDomain");
        await (await _second.GetAsync(ArmTestClient.WithApiVersion(_second.ClusterPath("loser")))).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await _first.GetAsync(ArmTestClient.WithApiVersion(_first.ClusterPath("winner")))).AssertStatusAsync(HttpStatusCode.OK);
        Assert.False(await _factory.PublishedAsync<ClusterCreateRequested>(m => m.Context.Message.ResourceId == _second.ClusterPath("loser")));
    }

    private static JsonObject Body(ArmTestClient arm, string domain)
    {
        var body = arm.ValidCluster();
        body["properties"]!["clusterProfile"]!["domain"] = domain;
        return body;
    }

    private static Task<HttpResponseMessage> PutAsync(ArmTestClient arm, string name, string domain) =>
        arm.PutClusterAsync(name, Body(arm, domain));

    private static async Task CreateAsync(ArmTestClient arm, string name, string domain) =>
        await (await PutAsync(arm, name, domain)).AssertStatusAsync(HttpStatusCode.Created);

    private static async Task<string> ClientIdAsync(ArmTestClient arm, string name)
    {
        var body = await (await arm.GetAsync(ArmTestClient.WithApiVersion(arm.ClusterPath(name)))).AssertStatusAsync(HttpStatusCode.OK);
        return (string)body["properties"]!["servicePrincipalProfile"]!["clientId"]!;
    }
}
