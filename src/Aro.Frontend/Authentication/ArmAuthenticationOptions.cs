using System.ComponentModel.DataAnnotations;

namespace Aro.Frontend.Authentication;

/// <summary>
/// How ARM's calls are recognised (section "ArmAuthentication"): by the client certificate ARM presents in the TLS
/// handshake, which must be one of those ARM publishes at its authentication metadata endpoint.
/// </summary>
public sealed class ArmAuthenticationOptions
{
    public const string SectionName = "ArmAuthentication";

    /// <summary>The api-version ARM serves its authentication metadata at.</summary>
    public const string MetadataApiVersion = "2015-01-01";

    /// <summary>True in production: every ARM API request must carry one of ARM's certificates. False skips the check (development).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>ARM's authentication metadata, e.g. https://management.azure.com/metadata/authentication?api-version=2015-01-01.</summary>
    public Uri? MetadataEndpoint { get; set; }

    /// <summary>Accept a self-signed certificate on the metadata endpoint: for the local cloud only.</summary>
    public bool AllowUntrustedMetadataCertificate { get; set; }

    /// <summary>How often the published certificates are read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How soon a failed read is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Readiness fails when the list is older than this: ARM rotates its certificates, a stale list will soon refuse ARM.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaximumAge { get; set; } = TimeSpan.FromHours(24);
}
