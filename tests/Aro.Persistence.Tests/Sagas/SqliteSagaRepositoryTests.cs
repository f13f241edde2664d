using Aro.Persistence.Sagas;
using Aro.Persistence.Sqlite;
using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Persistence.Tests.Sagas;

public sealed class SqliteSagaRepositoryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteSagaRepository<TestSaga> _repository;

    public SqliteSagaRepositoryTests()
    {
        _repository = new SqliteSagaRepository<TestSaga>(new SqliteDatabase(_directory.Path));
    }

    [Fact]
    public async Task An_inserted_instance_loads_back_at_version_1()
    {
        var saga = NewSaga();

        await _repository.InsertAsync(saga, CancellationToken.None);
        var loaded = await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None);

        Assert.Equal(1, saga.Version);
        Assert.NotNull(loaded);
        Assert.Equal((saga.CorrelationId, 1, "Running", 7), (loaded.CorrelationId, loaded.Version, loaded.CurrentState, loaded.Counter));
    }

    [Fact]
    public async Task A_missing_instance_loads_as_null()
    {
        Assert.Null(await _repository.LoadAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Inserting_a_duplicate_is_a_concurrency_exception_and_keeps_the_first()
    {
        var first = NewSaga();
        await _repository.InsertAsync(first, CancellationToken.None);
        var duplicate = NewSaga(first.CorrelationId, counter: 99);

        var exception = await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.InsertAsync(duplicate, CancellationToken.None));
        Assert.Equal(first.CorrelationId, exception.CorrelationId);
        Assert.False(await _repository.TryInsertAsync(duplicate, CancellationToken.None));
        Assert.Equal(0, duplicate.Version);
        Assert.Equal(7, (await _repository.LoadAsync(first.CorrelationId, CancellationToken.None))!.Counter);
    }

    [Fact]
    public async Task An_update_moves_the_instance_to_the_next_version()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga, CancellationToken.None);

        saga.Counter = 8;
        await _repository.UpdateAsync(saga, CancellationToken.None);

        Assert.Equal(2, saga.Version);
        var loaded = await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None);
        Assert.Equal((2, 8), (loaded!.Version, loaded.Counter));
    }

    [Fact]
    public async Task Two_concurrent_updates_of_the_same_version_let_exactly_one_win()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga, CancellationToken.None);
        var first = (await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        var second = (await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        first.Counter = 100;
        second.Counter = 200;

        var results = await Task.WhenAll(
            Capture(() => _repository.UpdateAsync(first, CancellationToken.None)),
            Capture(() => _repository.UpdateAsync(second, CancellationToken.None)));

        Assert.Single(results, r => r is null);
        var conflict = Assert.IsType<ConcurrencyException>(Assert.Single(results, r => r is not null));
        Assert.Equal(saga.CorrelationId, conflict.CorrelationId);
        var stored = (await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        Assert.Equal(2, stored.Version);
        Assert.Contains(stored.Counter, new[] { 100, 200 });
        // The loser keeps the version it read, so a retry starts from a fresh load.
        Assert.Equal(new[] { 1, 2 }, new[] { first.Version, second.Version }.Order());
    }

    [Fact]
    public async Task A_stale_update_is_a_concurrency_exception()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga, CancellationToken.None);
        var stale = (await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        await _repository.UpdateAsync(saga, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.UpdateAsync(stale, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_the_instance()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga, CancellationToken.None);

        await _repository.DeleteAsync(saga, CancellationToken.None);

        Assert.Null(await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None));
        Assert.True(await _repository.TryInsertAsync(NewSaga(saga.CorrelationId), CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_stale_or_missing_instance_is_a_concurrency_exception()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga, CancellationToken.None);
        var stale = (await _repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!;
        await _repository.UpdateAsync(saga, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.DeleteAsync(stale, CancellationToken.None));
        await _repository.DeleteAsync(saga, CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.DeleteAsync(saga, CancellationToken.None));
    }

    [Fact]
    public async Task Query_returns_the_instances_the_predicate_accepts()
    {
        await _repository.InsertAsync(NewSaga(counter: 1), CancellationToken.None);
        var wanted = NewSaga(counter: 2);
        await _repository.InsertAsync(wanted, CancellationToken.None);

        var found = await _repository.QueryAsync(s => s.Counter == 2, CancellationToken.None);

        Assert.Equal(wanted.CorrelationId, Assert.Single(found).CorrelationId);
    }

    [Fact]
    public async Task A_second_process_over_the_same_data_directory_sees_the_instance()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga, CancellationToken.None);

        var other = new SqliteSagaRepository<TestSaga>(new SqliteDatabase(_directory.Path));

        Assert.Equal(saga.CorrelationId, (await other.LoadAsync(saga.CorrelationId, CancellationToken.None))!.CorrelationId);
    }

    [Fact]
    public void The_default_table_is_named_after_the_saga_type()
    {
        Assert.Equal("saga_test_saga", SqliteSagaRepository<TestSaga>.DefaultTableName);
        Assert.Equal("saga_test_saga", _repository.TableName);
    }

    [Theory]
    [InlineData("Saga")]
    [InlineData("saga; DROP TABLE x")]
    [InlineData("1saga")]
    public void A_table_name_that_is_not_a_plain_identifier_is_refused(string tableName)
    {
        Assert.Throws<ArgumentException>(() => new SqliteSagaRepository<TestSaga>(new SqliteDatabase(_directory.Path), tableName));
    }

    [Fact]
    public async Task The_registration_wires_masstransits_load_and_query_repositories()
    {
        var services = new ServiceCollection();
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddSaga<TestSaga>().SqliteRepository(_ => new SqliteDatabase(_directory.Path));
        });
        await using var provider = services.BuildServiceProvider();
        var saga = NewSaga();
        await provider.GetRequiredService<SqliteSagaRepository<TestSaga>>().InsertAsync(saga, CancellationToken.None);

        var loaded = await provider.GetRequiredService<ILoadSagaRepository<TestSaga>>().Load(saga.CorrelationId);
        var found = await provider.GetRequiredService<IQuerySagaRepository<TestSaga>>().Find(new SagaQuery<TestSaga>(s => s.Counter == 7));

        Assert.Equal(saga.CorrelationId, loaded.CorrelationId);
        Assert.Equal(saga.CorrelationId, Assert.Single(found));
    }

    public void Dispose() => _directory.Dispose();

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
