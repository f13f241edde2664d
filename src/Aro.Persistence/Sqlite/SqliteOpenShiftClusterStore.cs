using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Sqlite;

public sealed class SqliteOpenShiftClusterStore(SqliteDatabase database, DocumentJsonSerializer serializer, SqliteAsyncOperationStore operations)
    : SqliteDocumentStore<OpenShiftClusterDocument>(database, serializer, "open_shift_clusters", DomainIndexSql), IOpenShiftClusterStore
{
    // As many as UpdateWithRetryAsync allows a single document.
    private const int MaxUpdateAttempts = 10;

    /// <summary>
    /// A cluster's domain, lower-cased, as the domain index holds it. Every create PUT asks who holds its domain; with
    /// the index that is a lookup, where reading and parsing every stored cluster made each create cost more the more
    /// clusters there were (15 % of the process's CPU with a few hundred clusters).
    /// </summary>
    internal const string DomainExpression = "lower(json_extract(body, '$.openShiftCluster.properties.clusterProfile.domain'))";

    public async Task<OpenShiftClusterDocument> WriteWithNewOperationAsync(OpenShiftClusterDocument cluster, bool create, AsyncOperationDocument operation, CancellationToken cancellationToken)
    {
        var lost = await SqliteTransactionalWrites.TryCommitAsync(
            Database,
            [operations.PrepareCreate(operation), create ? PrepareCreate(cluster) : PrepareReplace(cluster)],
            cancellationToken);
        return lost is null ? cluster : throw lost.Lost();
    }

    public async Task<OpenShiftClusterDocument?> UpdateWithOperationAsync(
        string partitionKey,
        string clusterId,
        Func<OpenShiftClusterDocument, bool> changeCluster,
        string operationId,
        Func<AsyncOperationDocument, bool> changeOperation,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cluster = await GetAsync(partitionKey, clusterId, cancellationToken);
            var operation = await operations.GetAsync(partitionKey, operationId, cancellationToken);
            var writes = new List<SqliteDocumentWrite>(capacity: 2);
            if (cluster is not null && changeCluster(cluster))
            {
                writes.Add(PrepareReplace(cluster));
            }

            if (operation is not null && changeOperation(operation))
            {
                writes.Add(operations.PrepareReplace(operation));
            }

            if (writes.Count == 0 || await SqliteTransactionalWrites.TryCommitAsync(Database, writes, cancellationToken) is not { } lost)
            {
                return cluster;
            }

            if (attempt >= MaxUpdateAttempts)
            {
                throw lost.Lost();
            }

            // Another writer changed one of them: both are read and changed again.
        }
    }

    /// <summary>Every cluster of every subscription, for operators' tools (aro-rp clusters, keys rotate), never for client requests.</summary>
    public IAsyncEnumerable<OpenShiftClusterDocument> ListAllAsync(CancellationToken cancellationToken) => ScanAllPartitionsAsync(cancellationToken);

    public async Task<OpenShiftClusterWithoutSecrets?> GetWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        OpenShiftClusterWithoutSecrets.Of(await GetDocumentWithoutSecretsAsync(partitionKey, id, cancellationToken));

    public async Task<DocumentPage<OpenShiftClusterWithoutSecrets>> QueryWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        OpenShiftClusterWithoutSecrets.Of(await QueryDocumentsWithoutSecretsAsync(partitionKey, idPrefix, continuationToken, pageSize, cancellationToken));

    public async Task<DocumentVersion<OpenShiftClusterWithoutSecrets>?> GetWithoutSecretsIfChangedAsync(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken) =>
        OpenShiftClusterWithoutSecrets.Of(await GetVersionWithoutSecretsAsync(partitionKey, id, knownETag, cancellationToken));

    public async Task<DocumentPage<DocumentVersion<OpenShiftClusterWithoutSecrets>>> QueryWithoutSecretsIfChangedAsync(
        string partitionKey, string? idPrefix, string? continuationToken, int pageSize, Func<string, string, bool> isKnown, CancellationToken cancellationToken)
    {
        var page = await QueryVersionsWithoutSecretsAsync(partitionKey, idPrefix, continuationToken, pageSize, isKnown, cancellationToken);
        return new([.. page.Items.Select(version => OpenShiftClusterWithoutSecrets.Of(version)!)], page.ContinuationToken);
    }

    public async IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var document in ScanAllPartitionsAsync(cancellationToken))
        {
            if (!document.OpenShiftCluster.Properties.ProvisioningState.IsTerminal())
            {
                yield return document;
            }
        }
    }

    public async IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, string? exceptId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (domains.Count == 0)
        {
            yield break;
        }

        // The index finds the candidates case-insensitively (ASCII, as DNS names are); the set's own comparer decides.
        var lowered = domains.Select(domain => domain.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var parameters = lowered.Select((domain, i) => (DomainParameter(i), (object)domain)).ToList();
        await foreach (var document in FindAllPartitionsWithoutSecretsAsync(DomainCondition(lowered.Count), parameters, cancellationToken))
        {
            if (!string.Equals(document.Id, exceptId, StringComparison.Ordinal) && domains.Contains(document.OpenShiftCluster.Properties.ClusterProfile.Domain))
            {
                yield return new OpenShiftClusterWithoutSecrets(document);
            }
        }
    }

    internal static string DomainCondition(int domains) =>
        $"{DomainExpression} IN ({string.Join(", ", Enumerable.Range(0, domains).Select(DomainParameter))})";

    internal static string DomainParameter(int index) => $"@domain{index}";

    private static string DomainIndexSql(string table) => $"CREATE INDEX IF NOT EXISTS {table}_domain ON {table} ({DomainExpression});";
}
