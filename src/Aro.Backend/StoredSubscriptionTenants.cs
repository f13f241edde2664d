using Aro.Consumers.ServicePrincipals;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Backend;

/// <summary>The tenants of customer subscriptions, from the registrations ARM made with the frontend.</summary>
internal sealed class StoredSubscriptionTenants(ISubscriptionStore subscriptions) : ISubscriptionTenants
{
    public async Task<string?> TenantIdAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var key = SubscriptionDocument.KeyFor(subscriptionId);
        var document = await subscriptions.GetAsync(key, key, cancellationToken);
        return document?.Subscription.Properties?.TenantId;
    }
}
