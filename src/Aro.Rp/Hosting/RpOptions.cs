using System.ComponentModel.DataAnnotations;

namespace Aro.Rp.Hosting;

/// <summary>Settings of the host process (section "Rp").</summary>
public sealed class RpOptions
{
    public const string SectionName = "Rp";

    /// <summary>Where a backend-only process serves its health endpoints unless ARO_LISTEN_URL says otherwise.</summary>
    public const string BackendListenUrl = "https://localhost:8445";

    /// <summary>development: self-signed serving certificate, no client authentication. production: a real certificate is required.</summary>
    [Required]
    [RegularExpression("^(development|production)$", ErrorMessage = "RP_MODE must be development or production.")]
    public string Mode { get; set; } = "development";

    /// <summary>Where state (database, keys, certificates) is kept.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".aro";

    [Required]
    [Url]
    public string ListenUrl { get; set; } = "https://localhost:8443";

    /// <summary>A PKCS#12 serving certificate; required in production, generated in development when absent.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>
    /// The RP's Key Vault (ARO_KEYVAULT_URL), e.g. https://myrp-kv.vault.azure.net/. Set: the serving certificate, the
    /// admin CA and the sealing keys come from it (KeyVaultObjectNames) instead of files, read with the process's Azure credential.
    /// </summary>
    public Uri? KeyVaultUrl { get; set; }

    /// <summary>How often the Key Vault material is read again, so a rotated certificate or key is used without a restart.</summary>
    public TimeSpan KeyVaultRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>text (human-readable) or json (compact JSON, one event a line).</summary>
    [RegularExpression("^(text|json)$", ErrorMessage = "ARO_LOG_FORMAT must be text or json.")]
    public string LogFormat { get; set; } = "text";

    /// <summary>
    /// What this process runs: all (frontend, backend and, in development, the local cloud), frontend (the ARM
    /// API only: it records and publishes) or backend (the saga, consumers and reconciler only).
    /// </summary>
    [RegularExpression("^(all|frontend|backend)$", ErrorMessage = "Rp:Components must be all, frontend or backend.")]
    public string Components { get; set; } = "all";

    /// <summary>The oldest TLS version served: 1.2 or 1.3 (production refuses anything older).</summary>
    public string MinimumTlsVersion { get; set; } = "1.2";

    /// <summary>Lets development mode serve the ARM API beyond loopback: only inside a private container network.</summary>
    public bool DevelopmentListensOnAnyAddress { get; set; }

    public bool IsDevelopment => Mode == "development";
}
