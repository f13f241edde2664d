using System.Runtime.CompilerServices;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Cosmos;

public sealed class CosmosOpenShiftClusterStore(CosmosDatabase database, DocumentJsonSerializer serializer, CosmosAsyncOperationStore operations)
    : CosmosDocumentStore<OpenShiftClusterDocument>(database, serializer, ContainerNames.OpenShiftClusters), IOpenShiftClusterStore
{
    private readonly CosmosClusterDomainIndex _domains = new(database);

    public async Task<OpenShiftClusterDocument> WriteWithNewOperationAsync(OpenShiftClusterDocument cluster, bool create, AsyncOperationDocument operation, CancellationToken cancellationToken)
    {
        // Two containers, so no transaction: the operation first, so that what points at it never points at nothing.
        await operations.CreateAsync(operation, cancellationToken);
        return create ? await CreateAsync(cluster, cancellationToken) : await ReplaceAsync(cluster, cancellationToken);
    }

    public async Task<OpenShiftClusterDocument?> UpdateWithOperationAsync(
        string partitionKey,
        string clusterId,
        Func<OpenShiftClusterDocument, bool> changeCluster,
        string operationId,
        Func<AsyncOperationDocument, bool> changeOperation,
        CancellationToken cancellationToken)
    {
        var cluster = await this.UpdateWithRetryAsync(partitionKey, clusterId, changeCluster, cancellationToken);
        await operations.UpdateWithRetryAsync(partitionKey, operationId, changeOperation, cancellationToken);
        return cluster;
    }

    /// <summary>Every cluster of every subscription (the ReadFeed below), for operators' tools, never for client requests.</summary>
    public IAsyncEnumerable<OpenShiftClusterDocument> ListAllAsync(CancellationToken cancellationToken) => ReadAllPartitionsAsync(cancellationToken);

    public async Task<OpenShiftClusterWithoutSecrets?> GetWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        OpenShiftClusterWithoutSecrets.Of(await GetDocumentWithoutSecretsAsync(partitionKey, id, cancellationToken));

    public async Task<DocumentVersion<OpenShiftClusterWithoutSecrets>?> GetWithoutSecretsIfChangedAsync(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken) =>
        OpenShiftClusterWithoutSecrets.Of(await GetVersionWithoutSecretsAsync(partitionKey, id, knownETag, cancellationToken));

    // QueryWithoutSecretsIfChangedAsync stays the interface's: a query has no If-None-Match per item, and selecting ids
    // and ETags first, then reading the unknown ones, costs a request per document, more than the page's bodies.

    public async Task<DocumentPage<OpenShiftClusterWithoutSecrets>> QueryWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        OpenShiftClusterWithoutSecrets.Of(await QueryDocumentsWithoutSecretsAsync(partitionKey, idPrefix, continuationToken, pageSize, cancellationToken));

    /// <summary>
    /// A ReadFeed over every subscription's partition, filtered here rather than by the server. The alternative, a
    /// cross-partition query on provisioningState, would send back only the unsettled documents, but it fans out to
    /// every physical partition behind a query plan that the SDK must first fetch from the gateway (a local test
    /// server cannot produce one), and its RU charge grows with the partitions either way. A ReadFeed costs about
    /// one RU per document per sweep plus the bytes to bring them here: fine for a sweep every minute over
    /// thousands of clusters. If the fleet outgrows that, keep a small index of unsettled clusters in a partition
    /// of its own (written with the cluster, in the same transactional batch) and read that instead.
    /// </summary>
    public async IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var document in ReadAllPartitionsAsync(cancellationToken))
        {
            if (!document.OpenShiftCluster.Properties.ProvisioningState.IsTerminal())
            {
                yield return document;
            }
        }
    }

    /// <summary>
    /// The candidates the domain index gives (one single-partition query), each read by its key and believed only if
    /// it still holds one of the domains: an index entry outlives a create that never got written.
    /// </summary>
    public async IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, string? exceptId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (partitionKey, key) in _domains.FindAsync(domains, cancellationToken))
        {
            if (string.Equals(key, exceptId, StringComparison.Ordinal) || !seen.Add(key))
            {
                continue;
            }

            if (await GetWithoutSecretsAsync(partitionKey, key, cancellationToken) is { } cluster
                && domains.Contains(cluster.OpenShiftCluster.Properties.ClusterProfile.Domain))
            {
                yield return cluster;
            }
        }
    }

    /// <summary>The container, the domain index beside it, and the index of any cluster stored before the index was.</summary>
    public override async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await base.EnsureCreatedAsync(cancellationToken);
        await _domains.BackfillOnceAsync(ReadAllPartitionsWithoutSecretsAsync, cancellationToken);
    }

    /// <summary>The domain is indexed first, so that a cluster is never stored without its entry.</summary>
    public override async Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        await _domains.AddAsync(document, cancellationToken);
        return await base.CreateAsync(document, cancellationToken);
    }

    /// <summary>The entry goes once the cluster has: a delete that loses its race leaves both.</summary>
    public override async Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        await base.DeleteAsync(document, cancellationToken);
        await _domains.RemoveAsync(document, cancellationToken);
    }
}
