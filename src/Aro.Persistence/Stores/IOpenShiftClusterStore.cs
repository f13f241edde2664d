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
}
