using Aro.Persistence.Cosmos;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Stores;

namespace Aro.Persistence.Tests.Cosmos;

[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosDocumentStoreContractTests(CosmosTestServer server) : DocumentStoreContractTests
{
    protected override IOpenShiftClusterStore Clusters { get; } = new CosmosOpenShiftClusterStore(server.Database, server.Serializer);

    protected override ISubscriptionStore Subscriptions { get; } = new CosmosSubscriptionStore(server.Database, server.Serializer);

    protected override IAsyncOperationStore AsyncOperations { get; } = new CosmosAsyncOperationStore(server.Database, server.Serializer);
}
