using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Cosmos;

public sealed class CosmosAsyncOperationStore(CosmosDatabase database, DocumentJsonSerializer serializer)
    : CosmosDocumentStore<AsyncOperationDocument>(database, serializer, ContainerNames.AsyncOperations), IAsyncOperationStore
{
    /// <summary>A ReadFeed over every partition, as <see cref="CosmosOpenShiftClusterStore.ListUnsettledAsync"/> explains.</summary>
    public IAsyncEnumerable<AsyncOperationDocument> ListAllAsync(CancellationToken cancellationToken) => ReadAllPartitionsAsync(cancellationToken);
}
