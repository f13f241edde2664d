using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public interface IOpenShiftClusterStore : IDocumentStore<OpenShiftClusterDocument>
{
    /// <summary>
    /// Every cluster, across all subscriptions, whose provisioningState is not terminal: the operations the
    /// backend still owes an outcome. For the reconciler's sweeps, not for client requests.
    /// </summary>
    IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every cluster, across all subscriptions, whose clusterProfile.domain is in <paramref name="domains"/> (as the
    /// set's comparer decides): who else holds a domain a new cluster asks for. A scan, like <see cref="ListUnsettledAsync"/>.
    /// </summary>
    IAsyncEnumerable<OpenShiftClusterDocument> ListByDomainAsync(IReadOnlySet<string> domains, CancellationToken cancellationToken);
}
