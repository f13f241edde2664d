using System.Net;
using Aro.Api.Model;
using Aro.Contracts;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Subscriptions;

/// <summary>A subscription PUT to Deleted deletes every cluster of the subscription, once.</summary>
public sealed class SubscriptionClusterDeletionTests : IDisposable
{
    // Pages of two, so that five clusters take the cascade through three pages.
    private readonly RpFactory _factory = new(services => services.Configure<FrontendOptions>(o => o.ListPageSize = 2));
    private readonly ArmTestClient _arm;

    public SubscriptionClusterDeletionTests()
    {
        _arm = new ArmTestClient(_factory.CreateArmClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_cluster_starts_a_delete_with_its_own_operation_and_ClusterDeleteRequested()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateAsync("a-succeeded", ProvisioningState.Succeeded);
        await CreateAsync("b-creating", null);
        await CreateAsync("c-failed", ProvisioningState.Failed, "otherGroup");
        await CreateAsync("d-updating", ProvisioningState.Updating, "otherGroup");
        await CreateAsync("e-succeeded", ProvisioningState.Succeeded, "thirdGroup");
        var before = await ClustersAsync();

        await DeleteSubscriptionAsync();

        var after = await ClustersAsync();
        Assert.Equal(5, after.Count);
        foreach (var cluster in after)
        {
            Assert.Equal(ProvisioningState.Deleting, cluster.OpenShiftCluster.Properties.ProvisioningState);
            Assert.NotEqual(before.Single(b => b.Id == cluster.Id).AsyncOperationId, cluster.AsyncOperationId);
            Assert.Equal(1, DeleteRequestsFor(cluster.OpenShiftCluster.Id).Count(m => m.OperationId == cluster.AsyncOperationId));
            var operation = await (await _arm.GetAsync($"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/{cluster.AsyncOperationId}?api-version=2020-04-30"))
                .AssertStatusAsync(HttpStatusCode.BadRequest);
            Assert.Equal("InvalidSubscriptionState", (string?)operation["error"]!["code"]);
        }

        var subscription = await SubscriptionDocumentAsync();
        Assert.NotNull(subscription.ClusterDeletionRequestedAt);
    }

    [Fact]
    public async Task A_cluster_already_Deleting_keeps_its_operation()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateAsync("going", ProvisioningState.Succeeded);
        await CreateAsync("staying", ProvisioningState.Succeeded);
        var deleted = await _arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("going")));
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        var userOperation = (await ClustersAsync()).Single(c => c.OpenShiftCluster.Name == "going").AsyncOperationId;

        await DeleteSubscriptionAsync();

        var going = (await ClustersAsync()).Single(c => c.OpenShiftCluster.Name == "going");
        Assert.Equal(userOperation, going.AsyncOperationId);
        Assert.Single(DeleteRequestsFor(going.OpenShiftCluster.Id));
        Assert.Single(DeleteRequestsFor(_arm.ClusterPath("staying")));
    }

    [Fact]
    public async Task A_repeated_Deleted_notification_starts_nothing_new()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateAsync("once", ProvisioningState.Succeeded);
        await DeleteSubscriptionAsync();
        var first = await ClustersAsync();
        var recordedAt = (await SubscriptionDocumentAsync()).ClusterDeletionRequestedAt;

        await DeleteSubscriptionAsync();

        Assert.Equal(first.Select(c => c.AsyncOperationId), (await ClustersAsync()).Select(c => c.AsyncOperationId));
        Assert.Single(DeleteRequestsFor(_arm.ClusterPath("once")));
        Assert.Equal(recordedAt, (await SubscriptionDocumentAsync()).ClusterDeletionRequestedAt);
    }

    [Fact]
    public async Task A_cascade_cut_short_is_finished_by_the_next_notification_without_repeating_itself()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateAsync("first", ProvisioningState.Succeeded);
        await CreateAsync("second", ProvisioningState.Succeeded);
        await DeleteSubscriptionAsync();
        var firstOperation = (await ClustersAsync()).Single(c => c.OpenShiftCluster.Name == "first").AsyncOperationId;

        // As if the frontend had stopped after deleting "first": "second" untouched and nothing recorded.
        await _factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("second"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        var store = _factory.Services.GetRequiredService<ISubscriptionStore>();
        var key = SubscriptionDocument.KeyFor(_arm.SubscriptionId);
        await store.UpdateWithRetryAsync(key, key, d =>
        {
            d.ClusterDeletionRequestedAt = null;
            return true;
        }, CancellationToken.None);

        await DeleteSubscriptionAsync();

        var clusters = await ClustersAsync();
        Assert.Equal(firstOperation, clusters.Single(c => c.OpenShiftCluster.Name == "first").AsyncOperationId);
        Assert.Equal(ProvisioningState.Deleting, clusters.Single(c => c.OpenShiftCluster.Name == "second").OpenShiftCluster.Properties.ProvisioningState);
        Assert.Equal(2, DeleteRequestsFor(_arm.ClusterPath("second")).Count);
        Assert.NotNull((await SubscriptionDocumentAsync()).ClusterDeletionRequestedAt);
    }

    private async Task CreateAsync(string name, ProvisioningState? state, string? resourceGroup = null)
    {
        var path = ArmTestClient.WithApiVersion(_arm.ClusterPath(name, resourceGroup));
        await (await _arm.SendAsync(HttpMethod.Put, path, _arm.ValidCluster(clusterPath: _arm.ClusterPath(name, resourceGroup)))).AssertStatusAsync(HttpStatusCode.Created);
        if (state is { } finished)
        {
            await _factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name, resourceGroup), d => d.OpenShiftCluster.Properties.ProvisioningState = finished);
        }
    }

    private async Task DeleteSubscriptionAsync()
    {
        await _arm.RegisterSubscriptionAsync("Deleted");
    }

    private async Task<List<OpenShiftClusterDocument>> ClustersAsync()
    {
        var store = _factory.Services.GetRequiredService<IOpenShiftClusterStore>();
        var page = await store.QueryAsync(OpenShiftClusterDocument.PartitionKeyFor(_arm.SubscriptionId), null, null, 100, CancellationToken.None);
        return [.. page.Items];
    }

    private async Task<SubscriptionDocument> SubscriptionDocumentAsync()
    {
        var key = SubscriptionDocument.KeyFor(_arm.SubscriptionId);
        var document = await _factory.Services.GetRequiredService<ISubscriptionStore>().GetAsync(key, key, CancellationToken.None);
        return Assert.IsType<SubscriptionDocument>(document);
    }

    // What has been published so far: the frontend publishes before it answers, so the PUT's are all in.
    private List<ClusterDeleteRequested> DeleteRequestsFor(string resourceId) =>
        [.. _factory.Services.GetTestHarness().Published.Select<ClusterDeleteRequested>()
            .Select(m => m.Context.Message)
            .Where(m => string.Equals(m.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase))];
}
