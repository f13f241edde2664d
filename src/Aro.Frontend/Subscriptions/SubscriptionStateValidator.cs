using Aro.Api;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Subscriptions;

/// <summary>Refuses requests the ARM subscription lifecycle does not allow in the subscription's current state.</summary>
internal sealed class SubscriptionStateValidator(ISubscriptionStore subscriptions)
{
    /// <summary>PUT, PATCH and actions need a Registered subscription.</summary>
    public static readonly IReadOnlySet<SubscriptionState> WriteStates = new HashSet<SubscriptionState> { SubscriptionState.Registered };

    /// <summary>Warned and Suspended subscriptions may still delete what they have.</summary>
    public static readonly IReadOnlySet<SubscriptionState> DeleteStates = new HashSet<SubscriptionState>
    {
        SubscriptionState.Registered,
        SubscriptionState.Warned,
        SubscriptionState.Suspended,
    };

    public async Task<SubscriptionDocument> EnsureAllowedAsync(string subscriptionId, IReadOnlySet<SubscriptionState> allowed, CancellationToken cancellationToken)
    {
        var key = SubscriptionDocument.KeyFor(subscriptionId);
        var document = await subscriptions.GetAsync(key, key, cancellationToken)
            ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidSubscriptionState, null, $"Request is not allowed in unregistered subscription '{subscriptionId}'.");

        if (!allowed.Contains(document.Subscription.State))
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidSubscriptionState, null, $"Request is not allowed in subscription in state '{document.Subscription.State}'.");
        }

        return document;
    }
}
