using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public interface IAsyncOperationStore : IDocumentStore<AsyncOperationDocument>
{
    /// <summary>Every operation record of every subscription, for the backend's retention sweep; never for client requests.</summary>
    IAsyncEnumerable<AsyncOperationDocument> ListAllAsync(CancellationToken cancellationToken);
}
