using Aro.Consumers.ServicePrincipals;

namespace Aro.Consumers.Tests.ServicePrincipals;

/// <summary>Every subscription registered in one tenant, or (null) registered without one.</summary>
public sealed class FixedSubscriptionTenant(string? tenantId) : ISubscriptionTenants
{
    public Task<string?> TenantIdAsync(string subscriptionId, CancellationToken cancellationToken) => Task.FromResult(tenantId);
}
