using System.Security.Authentication;
using Aro.Frontend.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Hosting;

/// <summary>
/// How the RP's TLS endpoint meets its callers. Kestrel asks every client for a certificate in the handshake (ARM sends
/// one, operators send theirs, a browser or curl may send none) and accepts whatever comes: whether that certificate
/// opens anything is decided per request, by ClientCertificateAuthorizationMiddleware, against ARM's published list or
/// the admin CA, which Kestrel's chain check knows nothing about.
/// </summary>
internal static class ClientCertificateHosting
{
    public static void ConfigureHttps(HttpsConnectionAdapterOptions https, RpOptions options)
    {
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.AllowAnyClientCertificate();
        https.SslProtocols = options.MinimumTlsVersion switch
        {
            "1.3" => SslProtocols.Tls13,
            "1.2" => SslProtocols.Tls12 | SslProtocols.Tls13,
            // Only development gets this far with an older version (production refuses it at start); the platform's defaults then apply.
            _ => SslProtocols.None,
        };
    }

    /// <summary>
    /// Production checks ARM's certificate on every ARM API request (it cannot be switched off); development does not.
    /// The metadata comes from the ARM the RP provisions through unless ARO_ARM_METADATA_ENDPOINT names another.
    /// </summary>
    public static IServiceCollection AddAroArmAuthenticationDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        var armEndpoint = configuration["Cloud:ArmEndpoint"];
        var azureCloud = configuration["Cloud:AzureCloud"];
        var allowUntrustedCloud = string.Equals(configuration["Cloud:AllowUntrustedCertificates"], "true", StringComparison.OrdinalIgnoreCase);
        var allowUntrustedConfigured = configuration[$"{ArmAuthenticationOptions.SectionName}:{nameof(ArmAuthenticationOptions.AllowUntrustedMetadataCertificate)}"] is not null;
        services.AddOptions<ArmAuthenticationOptions>().PostConfigure<IOptions<RpOptions>>((authentication, rp) =>
        {
            authentication.RequireClientCertificate = !rp.Value.IsDevelopment;
            if (authentication.MetadataEndpoint is null && authentication.RequireClientCertificate)
            {
                var arm = string.IsNullOrWhiteSpace(armEndpoint) ? Aro.Cloud.AzureClouds.Arm(azureCloud).Endpoint : new Uri(armEndpoint.TrimEnd('/') + "/");
                authentication.MetadataEndpoint = new Uri(arm, $"metadata/authentication?api-version={ArmAuthenticationOptions.MetadataApiVersion}");
            }

            if (!allowUntrustedConfigured)
            {
                authentication.AllowUntrustedMetadataCertificate = allowUntrustedCloud;
            }
        });
        return services;
    }
}
