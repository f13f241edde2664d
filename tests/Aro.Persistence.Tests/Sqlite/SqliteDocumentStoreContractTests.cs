using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Stores;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class SqliteDocumentStoreContractTests : DocumentStoreContractTests, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteStores _stores;

    public SqliteDocumentStoreContractTests()
    {
        _stores = new SqliteStores(_directory.Path);
    }

    protected override IOpenShiftClusterStore Clusters => _stores.Clusters;

    protected override ISubscriptionStore Subscriptions => _stores.Subscriptions;

    protected override IAsyncOperationStore AsyncOperations => _stores.AsyncOperations;

    public void Dispose() => _directory.Dispose();
}
