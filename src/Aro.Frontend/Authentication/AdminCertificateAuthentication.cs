using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Authentication;

/// <summary>
/// Configures ASP.NET Core's certificate handler for the admin scheme: chain to the configured CA only (never the
/// system store, so a publicly trusted certificate with the right name is still refused), no self-signed
/// certificates, the validity period checked, then the client-authentication EKU and the exact subject CN.
/// </summary>
public sealed class AdminCertificateAuthentication(IOptions<AdminAuthenticationOptions> admin, AdminCertificateAuthority authority) : IConfigureNamedOptions<CertificateAuthenticationOptions>
{
    public const string Scheme = "AdminCertificate";

    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public void Configure(string? name, CertificateAuthenticationOptions options)
    {
        if (name != Scheme)
        {
            return;
        }

        options.AllowedCertificateTypes = CertificateTypes.Chained;
        options.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
        // The operators' CA publishes no revocation list the RP could reach; rotation replaces certificates instead (docs/security.md).
        options.RevocationMode = X509RevocationMode.NoCheck;
        options.ValidateCertificateUse = true;
        options.ValidateValidityPeriod = true;
        var settings = admin.Value;
        var authorityCertificate = authority.Current;
        var configured = !string.IsNullOrWhiteSpace(settings.ClientCertificateSubject)
            && (authorityCertificate is not null || !string.IsNullOrWhiteSpace(settings.CaCertificateFile));
        if (configured)
        {
            options.CustomTrustStore.Add(authorityCertificate ?? LoadCertificate(settings.CaCertificateFile!));
        }

        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                var certificate = context.ClientCertificate;
                var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
                if (!configured)
                {
                    context.Fail("The admin API is not configured (ARO_ADMIN_CA_CERTIFICATE_FILE or the Key Vault admin CA, ARO_ADMIN_CLIENT_CERTIFICATE_SUBJECT).");
                }
                else if (!HasClientAuthenticationUsage(certificate))
                {
                    context.Fail("The certificate is not for client authentication.");
                }
                else if (!string.Equals(commonName, settings.ClientCertificateSubject, StringComparison.Ordinal))
                {
                    context.Fail("The certificate's subject is not the admin subject.");
                }
                else
                {
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                        [new Claim(ClaimTypes.Name, certificate.Subject), new Claim(ClaimTypes.Thumbprint, certificate.Thumbprint)],
                        context.Scheme.Name));
                    context.Success();
                }

                return Task.CompletedTask;
            },
        };
    }

    public void Configure(CertificateAuthenticationOptions options) => Configure(Options.DefaultName, options);

    /// <summary>A PEM or DER certificate file.</summary>
    public static X509Certificate2 LoadCertificate(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.AsSpan().StartsWith("-----"u8)
                ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes))
                : X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"ARO_ADMIN_CA_CERTIFICATE_FILE: cannot read a certificate from {path}: {e.Message}", e);
        }
    }

    // The handler's chain policy accepts a certificate without any EKU extension; the admin identity must state its use.
    private static bool HasClientAuthenticationUsage(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(extension => extension.EnhancedKeyUsages.Cast<Oid>().Any(usage => usage.Value == ClientAuthenticationOid));
}
