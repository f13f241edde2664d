using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Sqlite;

public sealed class SqliteAsyncOperationStore(SqliteDatabase database, DocumentJsonSerializer serializer)
    : SqliteDocumentStore<AsyncOperationDocument>(database, serializer, "async_operations"), IAsyncOperationStore
{
    public IAsyncEnumerable<AsyncOperationDocument> ListAllAsync(CancellationToken cancellationToken) => ScanAllPartitionsAsync(cancellationToken);
}
