using Aro.Api;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Subscriptions;

/// <summary>Refuses requests the ARM subscription lifecycle does not allow in the subscription's current state (<see cref="SubscriptionStatePolicy"/>).</summary>
internal sealed class SubscriptionStateValidator(ISubscriptionStore subscriptions)
{
    /// <returns>The subscription; null for a read in a subscription ARM never told us about.</returns>
    /// <exception cref="CloudError">InvalidSubscriptionState.</exception>
    public async Task<SubscriptionDocument?> EnsureAllowedAsync(string subscriptionId, SubscriptionAccess access, CancellationToken cancellationToken)
    {
        var key = SubscriptionDocument.KeyFor(subscriptionId);
        var document = await subscriptions.GetAsync(key, key, cancellationToken);
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
}
