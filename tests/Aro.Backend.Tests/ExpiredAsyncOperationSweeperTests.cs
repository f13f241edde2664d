using Aro.Api.Model;
using Aro.Backend;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Backend.Tests;

public sealed class ExpiredAsyncOperationSweeperTests : IAsyncLifetime
{
    private const string SubscriptionId = "00000000-0000-0000-0000-000000000002";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly TemporarySqliteStore _store = TemporarySqliteStore.Create();
    private IAsyncOperationStore _operations = null!;

    public Task InitializeAsync()
    {
        _operations = _store.Get<IAsyncOperationStore>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Operations_that_ended_before_the_retention_are_deleted_and_the_rest_kept()
    {
        var now = _time.GetUtcNow();
        var expired = await StoreAsync(startedAt: now - TimeSpan.FromDays(9), endedAt: now - TimeSpan.FromDays(8));
        var recent = await StoreAsync(startedAt: now - TimeSpan.FromDays(9), endedAt: now - TimeSpan.FromDays(6));
        var running = await StoreAsync(startedAt: now - TimeSpan.FromMinutes(5), endedAt: null);

        Assert.Equal(1, await Sweeper().SweepAsync(CancellationToken.None));

        Assert.Null(await _operations.GetAsync(expired.PartitionKey, expired.Id, CancellationToken.None));
        Assert.NotNull(await _operations.GetAsync(recent.PartitionKey, recent.Id, CancellationToken.None));
        Assert.NotNull(await _operations.GetAsync(running.PartitionKey, running.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_old_operation_that_never_ended_is_kept_for_its_cluster()
    {
        var now = _time.GetUtcNow();
        var abandoned = await StoreAsync(startedAt: now - TimeSpan.FromDays(30), endedAt: null);

        Assert.Equal(0, await Sweeper().SweepAsync(CancellationToken.None));

        Assert.NotNull(await _operations.GetAsync(abandoned.PartitionKey, abandoned.Id, CancellationToken.None));
    }

    [Fact]
    public async Task The_retention_is_the_configured_one_and_runs_from_the_end_of_each_operation()
    {
        var now = _time.GetUtcNow();
        var ended = await StoreAsync(startedAt: now - TimeSpan.FromDays(3), endedAt: now - TimeSpan.FromDays(2));
        var sweeper = Sweeper(retentionDays: 2);

        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));

        Assert.Null(await _operations.GetAsync(ended.PartitionKey, ended.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Backends_sweeping_at_once_delete_each_record_once_and_do_not_fail()
    {
        var now = _time.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            await StoreAsync(startedAt: now - TimeSpan.FromDays(10), endedAt: now - TimeSpan.FromDays(9));
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Sweeper().SweepAsync(CancellationToken.None))));

        Assert.Equal(20, counts.Sum());
        await foreach (var _ in _operations.ListAllAsync(CancellationToken.None))
        {
            Assert.Fail("Every expired record should be gone.");
        }
    }

    private ExpiredAsyncOperationSweeper Sweeper(int retentionDays = 7) => new(
        _operations,
        Options.Create(new BackendOptions { AsyncOperationRetentionDays = retentionDays }),
        _time,
        NullLogger<ExpiredAsyncOperationSweeper>.Instance);

    private async Task<AsyncOperationDocument> StoreAsync(DateTimeOffset startedAt, DateTimeOffset? endedAt)
    {
        var name = Guid.NewGuid().ToString();
        return await _operations.CreateAsync(
            new AsyncOperationDocument
            {
                Id = name,
                PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
                OpenShiftClusterKey = OpenShiftClusterDocument.KeyFor($"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c"),
                InitialProvisioningState = ProvisioningState.Creating,
                AsyncOperation = new AsyncOperation
                {
                    Id = $"/subscriptions/{SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/{name}",
                    Name = name,
                    Status = endedAt is null ? ProvisioningState.Creating : ProvisioningState.Succeeded,
                    StartTime = startedAt,
                    EndTime = endedAt,
                },
            },
            CancellationToken.None);
    }
}
