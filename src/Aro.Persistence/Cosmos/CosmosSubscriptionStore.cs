using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Cosmos;

public sealed class CosmosSubscriptionStore(CosmosDatabase database, DocumentJsonSerializer serializer)
    : CosmosDocumentStore<SubscriptionDocument>(database, serializer, ContainerNames.Subscriptions), ISubscriptionStore;
