using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Cosmos;

public sealed class CosmosAsyncOperationStore(CosmosDatabase database, DocumentJsonSerializer serializer)
    : CosmosDocumentStore<AsyncOperationDocument>(database, serializer, ContainerNames.AsyncOperations), IAsyncOperationStore;
