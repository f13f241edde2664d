using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.AsyncOperations;

/// <summary>
/// Reads the async operation a polling URL names, as both polling endpoints see it: only inside the caller's
/// subscription (the store's partition, so another subscription's id is simply not found) and only while
/// ARM's retention lasts.
/// </summary>
internal sealed class AsyncOperationReader(IAsyncOperationStore operations, IOptions<FrontendOptions> options, TimeProvider timeProvider)
{
    /// <exception cref="Aro.Api.CloudError">404 NotFound: unknown, another subscription's, or expired.</exception>
    public async Task<AsyncOperationDocument> GetAsync(string subscriptionId, string operationId, CancellationToken cancellationToken)
    {
        var document = await operations.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), operationId.ToLowerInvariant(), cancellationToken);
        if (document is null || IsExpired(document.AsyncOperation))
        {
            throw AsyncOperationNotFound.Error();
        }

        return document;
    }

    private bool IsExpired(AsyncOperation operation) =>
        AsyncOperationRetention.IsExpired(operation, timeProvider.GetUtcNow(), TimeSpan.FromDays(options.Value.AsyncOperationRetentionDays));
}
