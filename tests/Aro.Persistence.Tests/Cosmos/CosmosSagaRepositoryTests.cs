using Aro.Persistence.Sagas;
using Aro.Persistence.Tests.Sagas;
using MassTransit;

namespace Aro.Persistence.Tests.Cosmos;

[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosSagaRepositoryTests(CosmosTestServer server) : SagaRepositoryContractTests
{
    // A container per test, so each starts empty as the SQLite tests' fresh database does.
    private readonly string _containerName = $"saga-test-{Guid.NewGuid():N}";

    protected override ISagaInstanceStore<TestSaga> Repository => field ??= OpenAgain();

    [Fact]
    public void The_default_container_is_named_after_the_saga_type()
    {
        Assert.Equal("saga-test-saga", CosmosSagaRepository<TestSaga>.DefaultContainerName);
    }

    [Fact]
    public async Task An_instance_written_by_another_repository_object_is_still_checked_against_its_version()
    {
        var saga = new TestSaga { CorrelationId = Guid.NewGuid(), CurrentState = "Running", Counter = 1 };
        await Repository.InsertAsync(saga, CancellationToken.None);
        var other = OpenAgain();
        await other.UpdateAsync(new TestSaga { CorrelationId = saga.CorrelationId, Version = 1, Counter = 2 }, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() => other.UpdateAsync(new TestSaga { CorrelationId = saga.CorrelationId, Version = 1 }, CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Repository.UpdateAsync(saga, CancellationToken.None));
        Assert.Equal((2, 2), ((await other.LoadAsync(saga.CorrelationId, CancellationToken.None))!.Version, (await Repository.LoadAsync(saga.CorrelationId, CancellationToken.None))!.Counter));
    }

    protected override ISagaInstanceStore<TestSaga> OpenAgain() => new CosmosSagaRepository<TestSaga>(server.Database, _containerName);

    protected override void UseRepository(ISagaRegistrationConfigurator<TestSaga> saga) =>
        saga.CosmosRepository(_ => server.Database, _containerName);
}
