using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Sqlite;

public sealed class SqliteOpenShiftClusterStore(SqliteDatabase database, DocumentJsonSerializer serializer)
    : SqliteDocumentStore<OpenShiftClusterDocument>(database, serializer, "open_shift_clusters"), IOpenShiftClusterStore
{
    /// <summary>Every cluster of every subscription, for operators' tools (aro-rp clusters, keys rotate), never for client requests.</summary>
    public IAsyncEnumerable<OpenShiftClusterDocument> ListAllAsync(CancellationToken cancellationToken) => ScanAllPartitionsAsync(cancellationToken);

    public async Task<OpenShiftClusterWithoutSecrets?> GetWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) =>
        await GetDocumentWithoutSecretsAsync(partitionKey, id, cancellationToken) is { } document ? new OpenShiftClusterWithoutSecrets(document) : null;

    public async Task<DocumentPage<OpenShiftClusterWithoutSecrets>> QueryWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await QueryDocumentsWithoutSecretsAsync(partitionKey, idPrefix, continuationToken, pageSize, cancellationToken);
        return new DocumentPage<OpenShiftClusterWithoutSecrets>([.. page.Items.Select(document => new OpenShiftClusterWithoutSecrets(document))], page.ContinuationToken);
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

    public async IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var document in ScanAllPartitionsWithoutSecretsAsync(cancellationToken))
        {
            if (domains.Contains(document.OpenShiftCluster.Properties.ClusterProfile.Domain))
            {
                yield return new OpenShiftClusterWithoutSecrets(document);
            }
        }
    }
}
