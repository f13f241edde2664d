using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Tests.Infrastructure;

/// <summary>
/// The real store, except that once armed, the next replace is preceded by another writer's change to the same
/// document, or the next create by another writer's create: the race between a handler's read (and the checks it
/// makes on it) and its write, made certain.
/// </summary>
public sealed class InterleavingClusterStore(IOpenShiftClusterStore inner) : IOpenShiftClusterStore
{
    private Action<OpenShiftClusterDocument>? _interloper;
    private Action<OpenShiftClusterDocument>? _persistentInterloper;
    private Func<Task>? _createInterloper;

    /// <summary>Makes <paramref name="change"/> happen, as another writer, just before the next replace.</summary>
    public void ArmInterloper(Action<OpenShiftClusterDocument> change) => _interloper = change;

    /// <summary>Makes <paramref name="change"/> happen before every replace: a writer that always wins the race.</summary>
    public void ArmPersistentInterloper(Action<OpenShiftClusterDocument> change) => _persistentInterloper = change;

    /// <summary>Makes <paramref name="create"/> happen, as another writer, just before the next create.</summary>
    public void ArmCreateInterloper(Func<Task> create) => _createInterloper = create;

    public Task<OpenShiftClusterDocument?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken) => inner.GetAsync(partitionKey, id, cancellationToken);

    public Task<OpenShiftClusterWithoutSecrets?> GetWithoutSecretsAsync(string partitionKey, string id, CancellationToken cancellationToken) => inner.GetWithoutSecretsAsync(partitionKey, id, cancellationToken);

    public Task<DocumentPage<OpenShiftClusterWithoutSecrets>> QueryWithoutSecretsAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        inner.QueryWithoutSecretsAsync(partitionKey, idPrefix, continuationToken, pageSize, cancellationToken);

    public async Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        await BeforeCreateAsync();
        return await inner.CreateAsync(document, cancellationToken);
    }

    public async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        await BeforeReplaceAsync(document, cancellationToken);
        return await inner.ReplaceAsync(document, cancellationToken);
    }

    public async Task<OpenShiftClusterDocument> WriteWithNewOperationAsync(OpenShiftClusterDocument cluster, bool create, AsyncOperationDocument operation, CancellationToken cancellationToken)
    {
        await (create ? BeforeCreateAsync() : BeforeReplaceAsync(cluster, cancellationToken));
        return await inner.WriteWithNewOperationAsync(cluster, create, operation, cancellationToken);
    }

    public Task<OpenShiftClusterDocument?> UpdateWithOperationAsync(
        string partitionKey, string clusterId, Func<OpenShiftClusterDocument, bool> changeCluster, string operationId, Func<AsyncOperationDocument, bool> changeOperation, CancellationToken cancellationToken) =>
        inner.UpdateWithOperationAsync(partitionKey, clusterId, changeCluster, operationId, changeOperation, cancellationToken);

    private async Task BeforeCreateAsync()
    {
        if (Interlocked.Exchange(ref _createInterloper, null) is { } create)
        {
            await create();
        }
    }

    private async Task BeforeReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        if ((Interlocked.Exchange(ref _interloper, null) ?? _persistentInterloper) is { } change)
        {
            var theirs = await inner.GetAsync(document.PartitionKey, document.Id, cancellationToken);
            change(theirs!);
            await inner.ReplaceAsync(theirs!, cancellationToken);
        }
    }

    public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken) => inner.DeleteAsync(document, cancellationToken);

    public Task<DocumentPage<OpenShiftClusterDocument>> QueryAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        inner.QueryAsync(partitionKey, idPrefix, continuationToken, pageSize, cancellationToken);

    public IAsyncEnumerable<OpenShiftClusterDocument> ListUnsettledAsync(CancellationToken cancellationToken) => inner.ListUnsettledAsync(cancellationToken);

    public IAsyncEnumerable<OpenShiftClusterWithoutSecrets> ListByDomainAsync(IReadOnlySet<string> domains, string? exceptId, CancellationToken cancellationToken) =>
        inner.ListByDomainAsync(domains, exceptId, cancellationToken);
}
