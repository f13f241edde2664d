using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public interface IAsyncOperationStore : IDocumentStore<AsyncOperationDocument>;
