using Aro.Persistence.Sagas;
using Aro.Persistence.Sqlite;
using MassTransit;

namespace Aro.Persistence.Tests.Sagas;

public sealed class SqliteSagaRepositoryTests : SagaRepositoryContractTests, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteSagaRepository<TestSaga> _repository;

    public SqliteSagaRepositoryTests()
    {
        _repository = new SqliteSagaRepository<TestSaga>(new SqliteDatabase(_directory.Path));
    }

    protected override ISagaInstanceStore<TestSaga> Repository => _repository;

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

    public void Dispose() => _directory.Dispose();

    protected override ISagaInstanceStore<TestSaga> OpenAgain() => new SqliteSagaRepository<TestSaga>(new SqliteDatabase(_directory.Path));

    protected override void UseRepository(ISagaRegistrationConfigurator<TestSaga> saga) =>
        saga.SqliteRepository(_ => new SqliteDatabase(_directory.Path));
}
