using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aro.Backend.Recovery;

/// <summary>/healthz/ready fails until the reconciler's start-up sweep has resumed what an earlier process left unsettled.</summary>
internal sealed class StartupRecoveryHealthCheck(StartupRecovery recovery) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(recovery.IsDone
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The backend has not yet resumed the operations an earlier process left unsettled."));
}
