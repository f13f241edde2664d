using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Tests.Middleware;

/// <summary>A store whose every call fails the way an unexpected infrastructure fault would.</summary>
internal sealed class ExplodingClusterStore : IOpenShiftClusterStore
{
    private static InvalidOperationException Boom() => new("database is on fire");

    public Task<OpenShiftClusterDocument?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken) => throw Boom();

    public Task<OpenShiftClusterWithoutSecrets?> GetWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) => throw Boom();

    public Task<DocumentPage<OpenShiftClusterWithoutSecrets>> QueryWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) => throw Boom();

    public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken) => throw Boom();

    public Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken) => throw Boom();

    public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken) => throw Boom();

    public Task<OpenShiftClusterDocument> WriteWithNewOperationAsync(OpenShiftClusterDocument cluster, bool create, AsyncOperationDocument operation, CancellationToken cancellationToken) => throw Boom();

    public Task<OpenShiftClusterDocument?> UpdateWithOperationAsync(
        string partitionKey, string clusterId, Func<OpenShiftClusterDocument, bool> changeCluster, string operationId, Func<AsyncOperationDocument, bool> changeOperation, CancellationToken cancellationToken) =>
        throw Boom();

    public Task<DocumentPage<OpenShiftClusterDocument>> QueryAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) => throw Boom();

    public IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync(CancellationToken cancellationToken) => throw Boom();

    public IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, string? exceptId, CancellationToken cancellationToken) => throw Boom();
}
