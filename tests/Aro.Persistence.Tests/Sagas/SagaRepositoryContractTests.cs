using Aro.Persistence.Sagas;
using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Persistence.Tests.Sagas;

/// <summary>
/// The behaviour every saga instance store must have (SQLite, Cosmos DB): derive, supply a fresh store, and the
/// whole suite runs against it, through MassTransit too.
/// </summary>
public abstract class SagaRepositoryContractTests
{
    /// <summary>A store of its own for the test: empty at the start.</summary>
    protected abstract ISagaInstanceStore<TestSaga> Repository { get; }

    /// <summary>Another store object over the same storage, as a second process would open it.</summary>
    protected abstract ISagaInstanceStore<TestSaga> OpenAgain();

    /// <summary>Registers this store's repository on a saga (e.g. <c>saga.SqliteRepository(...)</c>) over the same storage.</summary>
    protected abstract void UseRepository(ISagaRegistrationConfigurator<TestSaga> saga);

    [Fact]
    public async Task An_inserted_instance_loads_back_at_version_1()
    {
        var saga = NewSaga();

        await Repository.InsertAsync(saga, CancellationToken.None);
        var loaded = await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None);

        Assert.Equal(1, saga.Version);
        Assert.NotNull(loaded);
        Assert.Equal((saga.CorrelationId, 1, "Running", 7), (loaded.CorrelationId, loaded.Version, loaded.CurrentState, loaded.Counter));
    }

    [Fact]
    public async Task A_missing_instance_loads_as_null()
    {
        Assert.Null(await Repository.LoadAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Inserting_a_duplicate_is_a_concurrency_exception_and_keeps_the_first()
    {
        var first = NewSaga();
        await Repository.InsertAsync(first, CancellationToken.None);
        var duplicate = NewSaga(first.CorrelationId, counter: 99);

        var exception = await Assert.ThrowsAsync<ConcurrencyException>(() => Repository.InsertAsync(duplicate, CancellationToken.None));
        Assert.Equal(first.CorrelationId, exception.CorrelationId);
        Assert.False(await Repository.TryInsertAsync(duplicate, CancellationToken.None));
        Assert.Equal(0, duplicate.Version);
        Assert.Equal(7, (await Repository.LoadAsync(first.CorrelationId, CancellationToken.None))!.Counter);
    }

    [Fact]
    public async Task An_update_moves_the_instance_to_the_next_version()
    {
        var saga = NewSaga();
        await Repository.InsertAsync(saga, CancellationToken.None);

        saga.Counter = 8;
        await Repository.UpdateAsync(saga, CancellationToken.None);

        Assert.Equal(2, saga.Version);
        var loaded = await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None);
        Assert.Equal((2, 8), (loaded!.Version, loaded.Counter));
    }

    [Fact]
    public async Task Two_concurrent_updates_of_the_same_version_let_exactly_one_win()
    {
        var saga = NewSaga();
        await Repository.InsertAsync(saga, CancellationToken.None);
        var first = (await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        var second = (await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        first.Counter = 100;
        second.Counter = 200;

        var results = await Task.WhenAll(
            Capture(() => Repository.UpdateAsync(first, CancellationToken.None)),
            Capture(() => Repository.UpdateAsync(second, CancellationToken.None)));

        Assert.Single(results, r => r is null);
        var conflict = Assert.IsType<ConcurrencyException>(Assert.Single(results, r => r is not null));
        Assert.Equal(saga.CorrelationId, conflict.CorrelationId);
        var stored = (await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        Assert.Equal(2, stored.Version);
        Assert.Contains(stored.Counter, new[] { 100, 200 });
        // The loser keeps the version it read, so a retry starts from a fresh load.
        Assert.Equal(new[] { 1, 2 }, new[] { first.Version, second.Version }.Order());
    }

    [Fact]
    public async Task A_stale_update_is_a_concurrency_exception()
    {
        var saga = NewSaga();
        await Repository.InsertAsync(saga, CancellationToken.None);
        var stale = (await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        await Repository.UpdateAsync(saga, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Repository.UpdateAsync(stale, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_the_instance()
    {
        var saga = NewSaga();
        await Repository.InsertAsync(saga, CancellationToken.None);

        await Repository.DeleteAsync(saga, CancellationToken.None);

        Assert.Null(await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None));
        Assert.True(await Repository.TryInsertAsync(NewSaga(saga.CorrelationId), CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_stale_or_missing_instance_is_a_concurrency_exception()
    {
        var saga = NewSaga();
        await Repository.InsertAsync(saga, CancellationToken.None);
        var stale = (await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        await Repository.UpdateAsync(saga, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Repository.DeleteAsync(stale, CancellationToken.None));
        await Repository.DeleteAsync(saga, CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Repository.DeleteAsync(saga, CancellationToken.None));
    }

    [Fact]
    public async Task Query_returns_the_instances_the_predicate_accepts()
    {
        await Repository.InsertAsync(NewSaga(counter: 1), CancellationToken.None);
        var wanted = NewSaga(counter: 2);
        await Repository.InsertAsync(wanted, CancellationToken.None);

        var found = await Repository.QueryAsync(s => s.Counter == 2, CancellationToken.None);

        Assert.Equal(wanted.CorrelationId, Assert.Single(found).CorrelationId);
    }

    [Fact]
    public async Task A_second_process_over_the_same_storage_sees_the_instance()
    {
        var saga = NewSaga();
        await Repository.InsertAsync(saga, CancellationToken.None);

        var other = OpenAgain();

        Assert.Equal(saga.CorrelationId, (await other.LoadAsync(saga.CorrelationId, CancellationToken.None))!.CorrelationId);
    }

    [Fact]
    public async Task The_registration_wires_masstransits_load_and_query_repositories()
    {
        var services = new ServiceCollection();
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            UseRepository(bus.AddSaga<TestSaga>());
        });
        await using var provider = services.BuildServiceProvider();
        var saga = NewSaga();
        await provider.GetRequiredService<ISagaInstanceStore<TestSaga>>().InsertAsync(saga, CancellationToken.None);

        var loaded = await provider.GetRequiredService<ILoadSagaRepository<TestSaga>>().Load(saga.CorrelationId);
        var found = await provider.GetRequiredService<IQuerySagaRepository<TestSaga>>().Find(new SagaQuery<TestSaga>(s => s.Counter == 7));

        Assert.Equal(saga.CorrelationId, loaded.CorrelationId);
        Assert.Equal(saga.CorrelationId, Assert.Single(found));
    }

    [Fact]
    public async Task A_message_through_the_bus_creates_the_instance_once_and_finds_it_again()
    {
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus =>
            {
                bus.DisableUsageTelemetry();
                UseRepository(bus.AddSaga<TestSaga>());
            })
            .BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var correlationId = Guid.NewGuid();

        // The first message adds the instance, the second loads and updates it.
        await harness.Bus.Publish(new TestSagaStarted(correlationId));
        Assert.NotNull(await harness.GetSagaHarness<TestSaga>().Exists(correlationId));
        await harness.Bus.Publish(new TestSagaStarted(correlationId));
        await harness.InactivityTask;

        Assert.False(await harness.Published.Any<Fault<TestSagaStarted>>());
        var stored = await provider.GetRequiredService<ISagaInstanceStore<TestSaga>>().LoadAsync(correlationId, CancellationToken.None);
        Assert.Equal((2, 2), (stored!.Version, stored.Counter));
    }

    private static TestSaga NewSaga(Guid? correlationId = null, int counter = 7) =>
        new() { CorrelationId = correlationId ?? Guid.NewGuid(), CurrentState = "Running", Counter = counter };

    private static async Task<Exception?> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
