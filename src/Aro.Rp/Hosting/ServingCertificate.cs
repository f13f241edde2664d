using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aro.Rp.Hosting;

/// <summary>
/// The certificate the RP serves HTTPS with. In development a self-signed one for localhost is made on
/// first start and kept in the data directory, so clients that pin it keep working across restarts.
/// </summary>
internal static class ServingCertificate
{
    private const string FileName = "localhost.pfx";

    public static X509Certificate2 Load(RpOptions options)
    {
        if (!string.IsNullOrEmpty(options.TlsCertificateFile))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.TlsCertificateFile, password: null);
        }

        if (!options.IsDevelopment)
        {
            throw new InvalidOperationException("ARO_TLS_CERTIFICATE_FILE must name a PKCS#12 certificate when RP_MODE is production.");
        }

        var directory = Path.Combine(options.DataDirectory, "tls");
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (existing.NotAfter > DateTime.UtcNow.AddDays(7))
            {
                return existing;
            }
        }

        Directory.CreateDirectory(directory);
        var created = CreateSelfSigned();
        File.WriteAllBytes(path, created.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));

        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }
}
