using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aro.LocalCloud;

/// <summary>The emulator's self-signed serving certificate for localhost, 127.0.0.1 and ::1.</summary>
public static class LocalCloudCertificate
{
    private const string FileName = "localcloud-certificate.pfx";

    /// <summary>
    /// Loads the certificate kept in <paramref name="dataDirectory"/>, creating it there first if needed,
    /// so a client that pinned it keeps working across restarts; without a directory, a fresh one each time.
    /// </summary>
    public static X509Certificate2 LoadOrCreate(string? dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            return Create();
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, null);
            if (existing.NotAfter > DateTime.UtcNow.AddDays(1))
            {
                return existing;
            }
        }

        Directory.CreateDirectory(dataDirectory);
        var certificate = Create();
        // It holds the private key: owner-only from creation on.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(certificate.Export(X509ContentType.Pfx));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return certificate;
    }

    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
