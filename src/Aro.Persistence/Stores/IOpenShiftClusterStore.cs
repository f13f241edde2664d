using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public interface IOpenShiftClusterStore : IDocumentStore<OpenShiftClusterDocument>
{
    /// <summary>
    /// <see cref="IDocumentStore{TDocument}.GetAsync"/> for a read that shows the cluster and never writes it back:
    /// its secrets are not opened (opening them is most of what a read costs, and a sealed value that would not open
    /// does not fail a read that never returns it).
    /// </summary>
    Task<OpenShiftClusterWithoutSecrets?> GetWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken);

    /// <summary><see cref="IDocumentStore{TDocument}.QueryAsync"/> without opening secrets, as <see cref="GetWithoutSecretsAsync"/>.</summary>
    Task<DocumentPage<OpenShiftClusterWithoutSecrets>> QueryWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Every cluster, across all subscriptions, whose provisioningState is not terminal: the operations the
    /// backend still owes an outcome. For the reconciler's sweeps, not for client requests.
    /// </summary>
    IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every cluster, across all subscriptions, whose clusterProfile.domain is in <paramref name="domains"/> (as the
    /// set's comparer decides): who else holds a domain a new cluster asks for. A scan, like <see cref="ListUnsettledAsync"/>,
    /// made on every create PUT, so the clusters come with their secrets left sealed (and empty): opening every stored
    /// cluster's secrets made each create cost more the more clusters there were.
    /// </summary>
    IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="cluster"/> (created when <paramref name="create"/>, else replaced on its ETag, failing as
    /// <see cref="IDocumentStore{TDocument}.CreateAsync"/> and <see cref="IDocumentStore{TDocument}.ReplaceAsync"/> do)
    /// together with <paramref name="operation"/>, the new operation it points at, recorded first so that a status URL
    /// handed out always resolves. SQLite commits both at once (one durable commit, and a lost cluster write records no
    /// operation); Cosmos DB, whose containers share no transaction, makes the two requests in that order, and a lost
    /// cluster write leaves an operation nothing points at, which nobody is given the URL of.
    /// </summary>
    Task<OpenShiftClusterDocument> WriteWithNewOperationAsync(OpenShiftClusterDocument cluster, bool create, AsyncOperationDocument operation, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="DocumentStoreExtensions.UpdateWithRetryAsync"/> of a cluster and of an operation (in the same partition) at
    /// once: both are read, changed and written, and retried together on a lost race. Each change returns whether its
    /// document needs writing; a document that does not exist is left out. SQLite commits both writes in one
    /// transaction; Cosmos DB updates the cluster, then the operation. Returns the cluster as stored afterwards, or null
    /// when there is none.
    /// </summary>
    Task<OpenShiftClusterDocument?> UpdateWithOperationAsync(
        string partitionKey,
        string clusterId,
        Func<OpenShiftClusterDocument, bool> changeCluster,
        string operationId,
        Func<AsyncOperationDocument, bool> changeOperation,
        CancellationToken cancellationToken);
}
