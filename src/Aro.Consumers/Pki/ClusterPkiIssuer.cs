using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aro.Api.Model;

namespace Aro.Consumers.Pki;

/// <summary>
/// Mints a cluster's PKI: a root CA, the API server's serving certificate and the admin client
/// certificate, all signed by that CA. Keys are ECDSA P-256: as widely supported as RSA 2048 by
/// Go, OpenSSL and .NET, and generated in microseconds instead of a noticeable fraction of a second.
/// </summary>
public sealed class ClusterPkiIssuer(TimeProvider timeProvider)
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>How long every certificate is valid: ten years, like the installer's root CA, because nothing rotates them yet.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3650);

    // Tolerates clocks of machines that run slightly behind the RP's.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public ClusterPki Issue(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);

        var notBefore = timeProvider.GetUtcNow() - ClockSkew;
        var notAfter = notBefore + Lifetime;

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateRootCa(caKey, notBefore, notAfter);

        using var apiServerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var apiServer = CreateApiServerCertificate(ca, apiServerKey, domain, notBefore, notAfter);

        using var adminKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var admin = CreateAdminClientCertificate(ca, adminKey, notBefore, notAfter);

        return new ClusterPki
        {
            RootCaCertificatePem = ca.ExportCertificatePem(),
            RootCaKeyPem = caKey.ExportPkcs8PrivateKeyPem(),
            ApiServerCertificatePem = apiServer.ExportCertificatePem(),
            ApiServerKeyPem = apiServerKey.ExportPkcs8PrivateKeyPem(),
            AdminClientCertificatePem = admin.ExportCertificatePem(),
            AdminClientKeyPem = adminKey.ExportPkcs8PrivateKeyPem(),
        };
    }

    private static X509Certificate2 CreateRootCa(ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest("CN=root-ca, OU=openshift", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static X509Certificate2 CreateApiServerCertificate(X509Certificate2 ca, ECDsa key, string domain, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var sans = new SubjectAlternativeNameBuilder();
        sans.AddDnsName("api." + domain);
        sans.AddDnsName("api-int." + domain);
        sans.AddDnsName("localhost");
        sans.AddIpAddress(IPAddress.Loopback);

        var request = LeafRequest("CN=api." + domain, key, ca, X509KeyUsageFlags.DigitalSignature, ServerAuthenticationOid);
        request.CertificateExtensions.Add(sans.Build(critical: false));
        return request.Create(ca, notBefore, notAfter, SerialNumber());
    }

    private static X509Certificate2 CreateAdminClientCertificate(X509Certificate2 ca, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        // Kubernetes reads the user from CN and the groups from O: system:masters is cluster-admin.
        var request = LeafRequest("CN=system:admin, O=system:masters", key, ca, X509KeyUsageFlags.DigitalSignature, ClientAuthenticationOid);
        return request.Create(ca, notBefore, notAfter, SerialNumber());
    }

    private static CertificateRequest LeafRequest(string subject, ECDsa key, X509Certificate2 ca, X509KeyUsageFlags usages, string extendedUsage)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        return request;
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        // DER integers are signed and minimal: a first byte in 0x40-0x7F keeps the serial positive and 16 bytes long.
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }
}
