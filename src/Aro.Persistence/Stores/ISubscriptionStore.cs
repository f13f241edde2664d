using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public interface ISubscriptionStore : IDocumentStore<SubscriptionDocument>;
