using Aro.Api;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Subscriptions;

/// <summary>
/// Refuses requests the ARM subscription lifecycle does not allow in the subscription's current state (<see cref="SubscriptionStatePolicy"/>).
/// Reads may be judged by a state a few seconds old (<see cref="SubscriptionStateCache"/>); writes, deletes and actions
/// always by the stored one.
/// </summary>
internal sealed class SubscriptionStateValidator(ISubscriptionStore subscriptions, SubscriptionStateCache cache)
{
    /// <returns>The subscription; null for a read in a subscription ARM never told us about.</returns>
    /// <exception cref="CloudError">InvalidSubscriptionState.</exception>
    public async Task<SubscriptionDocument?> EnsureAllowedAsync(string subscriptionId, SubscriptionAccess access, CancellationToken cancellationToken)
    {
        var key = SubscriptionDocument.KeyFor(subscriptionId);
        var document = access == SubscriptionAccess.Read
            ? await ReadRecentAsync(key, cancellationToken)
            : await ReadFreshAsync(key, cancellationToken);
        if (document is null)
        {
            // Nothing can exist in a subscription that never registered, so a read simply finds nothing.
            return access == SubscriptionAccess.Read
                ? null
                : throw CloudError.BadRequest(CloudErrorCodes.InvalidSubscriptionState, null, $"Request is not allowed in unregistered subscription '{subscriptionId}'.");
        }

        if (SubscriptionStatePolicy.Refusal(document.Subscription.State, access) is { } refusal)
        {
            throw refusal;
        }

        return document;
    }

    private async Task<SubscriptionDocument?> ReadRecentAsync(string key, CancellationToken cancellationToken) =>
        cache.TryGet(key, out var document) ? document : await ReadFreshAsync(key, cancellationToken);

    private async Task<SubscriptionDocument?> ReadFreshAsync(string key, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var document = await subscriptions.GetAsync(key, key, cancellationToken);
        cache.Store(key, document, generation);
        return document;
    }
}
