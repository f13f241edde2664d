using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aro.Rp.KeyVault;

/// <summary>Ready once the RP's certificates and sealing keys have been read from Key Vault at least once.</summary>
internal sealed class KeyVaultHealthCheck(KeyVaultMaterialRefresher refresher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(refresher.Current is null
            ? HealthCheckResult.Unhealthy("Nothing has been read from Key Vault yet.")
            : HealthCheckResult.Healthy());
}
