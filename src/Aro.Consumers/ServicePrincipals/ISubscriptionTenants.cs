namespace Aro.Consumers.ServicePrincipals;

/// <summary>The Entra tenant of a customer subscription, as ARM registered it with the RP (the host reads its subscription documents).</summary>
public interface ISubscriptionTenants
{
    /// <summary>The tenant id, or null when the subscription is not registered or was registered without one.</summary>
    Task<string?> TenantIdAsync(string subscriptionId, CancellationToken cancellationToken);
}
