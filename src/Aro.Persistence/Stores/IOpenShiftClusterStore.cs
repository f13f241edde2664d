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
    /// <see cref="GetWithoutSecretsAsync"/> for a reader that holds the cluster as stored under <paramref name="knownETag"/>
    /// (what it last showed, say): null when there is no cluster, else the stored version, whose document is left
    /// unread when its ETag is <paramref name="knownETag"/>. SQLite then never loads the body (most of a read is the
    /// body: 21 KB, most of it sealed values a read skips); Cosmos DB is asked with If-None-Match and answers 304.
    /// </summary>
    async Task<DocumentVersion<OpenShiftClusterWithoutSecrets>?> GetWithoutSecretsIfChangedAsync(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken) =>
        await GetWithoutSecretsAsync(partitionKey, id, cancellationToken) is { } document ? Versioned(document) : null;

    /// <summary>
    /// <see cref="QueryWithoutSecretsAsync"/> for a reader that holds some of the clusters already: a document whose
    /// (id, ETag) <paramref name="isKnown"/> may be left unread, as in <see cref="GetWithoutSecretsIfChangedAsync"/>.
    /// </summary>
    async Task<DocumentPage<DocumentVersion<OpenShiftClusterWithoutSecrets>>> QueryWithoutSecretsIfChangedAsync(
        string partitionKey, string? idPrefix, string? continuationToken, int pageSize, Func<string, string, bool> isKnown, CancellationToken cancellationToken)
    {
        var page = await QueryWithoutSecretsAsync(partitionKey, idPrefix, continuationToken, pageSize, cancellationToken);
        return new([.. page.Items.Select(Versioned)], page.ContinuationToken);
    }

    /// <summary>
    /// Every cluster, across all subscriptions, whose provisioningState is not terminal: the operations the
    /// backend still owes an outcome. For the reconciler's sweeps, not for client requests.
    /// </summary>
    IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every cluster but <paramref name="exceptId"/>, across all subscriptions, whose clusterProfile.domain is in
    /// <paramref name="domains"/> (as the set's comparer decides): who else holds a domain a new cluster asks for.
    /// Asked twice on every create PUT, so it reads by an index (SQLite: on the lower-cased domain; Cosmos DB: a
    /// container of its own, <c>ClusterDomains</c>), never every cluster, and the clusters come with their secrets
    /// left sealed (and empty).
    /// </summary>
    IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, string? exceptId, CancellationToken cancellationToken);

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

    private static DocumentVersion<OpenShiftClusterWithoutSecrets> Versioned(OpenShiftClusterWithoutSecrets document) =>
        new(document.Id, document.ETag ?? "", document);
}
