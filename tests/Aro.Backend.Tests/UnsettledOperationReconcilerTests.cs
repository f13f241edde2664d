using Aro.Api.Model;
using Aro.Backend;
using Aro.Backend.Recovery;
using Aro.Contracts;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Backend.Tests;

public sealed class UnsettledOperationReconcilerTests : IAsyncLifetime
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly TemporarySqliteStore _store = TemporarySqliteStore.Create(services => services.AddMassTransitTestHarness());
    private ITestHarness _harness = null!;
    private IOpenShiftClusterStore _clusters = null!;

    public async Task InitializeAsync()
    {
        _harness = _store.Services.GetTestHarness();
        await _harness.Start();
        _clusters = _store.Get<IOpenShiftClusterStore>();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _store.DisposeAsync();
    }

    [Theory]
    [InlineData(ProvisioningState.Creating, typeof(ClusterCreateRequested))]
    [InlineData(ProvisioningState.Updating, typeof(ClusterUpdateRequested))]
    [InlineData(ProvisioningState.Deleting, typeof(ClusterDeleteRequested))]
    public async Task A_quiet_unsettled_operation_gets_its_request_published_again(ProvisioningState state, Type expected)
    {
        var document = await StoreAsync("quiet", state, lastProgress: _time.GetUtcNow() - StaleAfter - TimeSpan.FromSeconds(1));

        var published = await Reconciler().ReconcileAsync(StaleAfter, CancellationToken.None);

        Assert.Equal(1, published);
        var message = Assert.Single(_harness.Published.Select(m => m.MessageObject is ClusterCreateRequested or ClusterUpdateRequested or ClusterDeleteRequested)).MessageObject;
        Assert.IsType(expected, message);
        var (resourceId, operationId) = message switch
        {
            ClusterCreateRequested m => (m.ResourceId, m.OperationId),
            ClusterUpdateRequested m => (m.ResourceId, m.OperationId),
            ClusterDeleteRequested m => (m.ResourceId, m.OperationId),
            _ => throw new InvalidOperationException(),
        };
        Assert.Equal((document.OpenShiftCluster.Id, document.AsyncOperationId), (resourceId, operationId));
    }

    [Fact]
    public async Task An_update_is_published_with_the_documents_worker_count()
    {
        await StoreAsync("scaling", ProvisioningState.Updating, lastProgress: null, workers: 5);

        await Reconciler().ReconcileAsync(StaleAfter, CancellationToken.None);

        Assert.True(await _harness.Published.Any<ClusterUpdateRequested>(m => m.Context.Message.WorkerCount == 5));
    }

    [Fact]
    public async Task Operations_with_recent_progress_and_settled_clusters_are_left_alone()
    {
        await StoreAsync("busy", ProvisioningState.Creating, lastProgress: _time.GetUtcNow() - TimeSpan.FromMinutes(1));
        await StoreAsync("done", ProvisioningState.Succeeded, lastProgress: null);
        await StoreAsync("failed", ProvisioningState.Failed, lastProgress: null);

        Assert.Equal(0, await Reconciler().ReconcileAsync(StaleAfter, CancellationToken.None));
    }

    [Fact]
    public async Task A_published_operation_is_claimed_and_not_published_again_until_it_is_stale_once_more()
    {
        await StoreAsync("quiet", ProvisioningState.Creating, lastProgress: null);
        var reconciler = Reconciler();

        Assert.Equal(1, await reconciler.ReconcileAsync(StaleAfter, CancellationToken.None));
        Assert.Equal(0, await reconciler.ReconcileAsync(StaleAfter, CancellationToken.None));

        _time.Advance(StaleAfter);
        Assert.Equal(1, await reconciler.ReconcileAsync(StaleAfter, CancellationToken.None));
    }

    [Fact]
    public async Task A_zero_stale_after_resumes_every_unsettled_operation_however_recent()
    {
        await StoreAsync("busy", ProvisioningState.Creating, lastProgress: _time.GetUtcNow());

        Assert.Equal(1, await Reconciler().ReconcileAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task On_start_what_an_earlier_process_left_is_resumed_however_recent_and_what_moved_since_is_left_alone()
    {
        var startedAt = _time.GetUtcNow();
        await StoreAsync("left-by-the-last-process", ProvisioningState.Creating, lastProgress: startedAt - TimeSpan.FromSeconds(1));
        await StoreAsync("never-progressed", ProvisioningState.Deleting, lastProgress: null);
        await StoreAsync("accepted-since-the-start", ProvisioningState.Creating, lastProgress: startedAt);
        await StoreAsync("progressed-since-the-start", ProvisioningState.Updating, lastProgress: startedAt + TimeSpan.FromSeconds(1));

        Assert.Equal(2, await Reconciler().ReconcileAsync(quietSince: startedAt, CancellationToken.None));

        var resumed = _harness.Published.Select(m => m.MessageObject is ClusterCreateRequested or ClusterUpdateRequested or ClusterDeleteRequested)
            .Select(m => m.MessageObject switch
            {
                ClusterCreateRequested c => c.ResourceId,
                ClusterDeleteRequested d => d.ResourceId,
                var other => other.ToString()!,
            })
            .Select(resourceId => resourceId[(resourceId.LastIndexOf('/') + 1)..])
            .Order(StringComparer.Ordinal);
        Assert.Equal(["left-by-the-last-process", "never-progressed"], resumed);
    }

    [Fact]
    public async Task The_backend_is_ready_only_once_its_start_up_sweep_has_resumed_what_an_earlier_process_left()
    {
        await StoreAsync("left-by-the-last-process", ProvisioningState.Creating, lastProgress: _time.GetUtcNow() - TimeSpan.FromSeconds(1));
        var recovery = new StartupRecovery();
        var health = new StartupRecoveryHealthCheck(recovery);
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        using var reconciler = Reconciler(recovery);
        await reconciler.StartAsync(CancellationToken.None);
        await recovery.Done.WaitAsync(TimeSpan.FromSeconds(30));
        await reconciler.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.True(await _harness.Published.Any<ClusterCreateRequested>(m => m.Context.Message.ResourceId.EndsWith("/left-by-the-last-process", StringComparison.Ordinal)));
    }

    private UnsettledOperationReconciler Reconciler(StartupRecovery? recovery = null) => new(
        _clusters,
        _store.Get<IBus>(),
        Options.Create(new BackendOptions { StaleAfter = StaleAfter }),
        recovery ?? new StartupRecovery(),
        _time,
        NullLogger<UnsettledOperationReconciler>.Instance);

    private async Task<OpenShiftClusterDocument> StoreAsync(string name, ProvisioningState state, DateTimeOffset? lastProgress, int workers = 3)
    {
        const string subscriptionId = "00000000-0000-0000-0000-000000000001";
        var resourceId = $"/subscriptions/{subscriptionId}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}";
        var cluster = new OpenShiftCluster { Id = resourceId, Name = name, Location = "eastus" };
        cluster.Properties.ProvisioningState = state;
        cluster.Properties.WorkerProfiles = [new WorkerProfile { Name = "worker", Count = workers }];
        return await _clusters.CreateAsync(
            new OpenShiftClusterDocument
            {
                Id = OpenShiftClusterDocument.KeyFor(resourceId),
                PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
                AsyncOperationId = Guid.NewGuid().ToString(),
                LastProgressAt = lastProgress,
                OpenShiftCluster = cluster,
            },
            CancellationToken.None);
    }
}
