using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Authentication;

/// <summary>
/// Not ready when ARM could not be recognised: no list read for <see cref="ArmAuthenticationOptions.MaximumAge"/>,
/// or none of its certificates valid now. A load balancer then sends ARM to an instance that can serve it.
/// </summary>
public sealed class ArmCertificateHealthCheck(ArmCertificateRegistry registry, IOptions<ArmAuthenticationOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.RequireClientCertificate)
        {
            return Task.FromResult(HealthCheckResult.Healthy("ARM client certificates are not checked (development)."));
        }

        var now = timeProvider.GetUtcNow();
        if (registry.RefreshedAt is not { } refreshedAt)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("ARM client certificates have not been read yet."));
        }

        if (now - refreshedAt > options.Value.MaximumAge)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"ARM client certificates were last read at {refreshedAt:O}, more than {options.Value.MaximumAge} ago."));
        }

        return Task.FromResult(registry.Certificates.Any(certificate => certificate.IsValidAt(now))
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("None of the ARM client certificates is valid now."));
    }
}
