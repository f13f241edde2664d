using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aro.LocalCloud.Authentication;

/// <summary>
/// The client certificates the local cloud, playing ARM, calls an RP with, and publishes at
/// <c>/metadata/authentication</c> as ARM does, so an RP in production mode can be tested against it. The current one
/// is kept (owner-only) in the data directory so a restarted emulator keeps the identity RPs already trust.
/// </summary>
public sealed class ArmClientCertificates
{
    private const string FileName = "arm-client-certificate.pfx";

    private readonly Lock _lock = new();
    private readonly string? _dataDirectory;
    private List<X509Certificate2> _published;

    public ArmClientCertificates(LocalCloudOptions options)
    {
        _dataDirectory = options.DataDirectory;
        Current = LoadOrIssue();
        _published = [Current];
    }

    /// <summary>The certificate (with its private key) ARM calls with now.</summary>
    public X509Certificate2 Current { get; private set; }

    /// <summary>What the metadata endpoint publishes: the current certificate and any still published beside it.</summary>
    public IReadOnlyList<X509Certificate2> Published
    {
        get
        {
            lock (_lock)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Issues a new current certificate; the previous one stays published, as ARM overlaps its certificates during a rotation.</summary>
    public X509Certificate2 Rotate()
    {
        var issued = Issue(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        Save(issued);
        lock (_lock)
        {
            Current = issued;
            _published = [issued, .. _published];
        }

        return issued;
    }

    /// <summary>Publishes another certificate beside the current one (tests publish expired or future ones this way).</summary>
    public void Publish(X509Certificate2 certificate)
    {
        lock (_lock)
        {
            _published = [.. _published, certificate];
        }
    }

    /// <summary>Publishes only the current certificate again.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _published = [Current];
        }
    }

    /// <summary>A client-authentication certificate such as ARM presents, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public static X509Certificate2 Issue(DateTimeOffset notBefore, DateTimeOffset notAfter, string commonName = "arm.localcloud")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private X509Certificate2 LoadOrIssue()
    {
        var path = _dataDirectory is null ? null : Path.Combine(_dataDirectory, FileName);
        if (path is not null && File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, null);
            if (existing.NotAfter > DateTime.UtcNow.AddDays(1))
            {
                return existing;
            }
        }

        var issued = Issue(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        Save(issued);
        return issued;
    }

    private void Save(X509Certificate2 certificate)
    {
        if (_dataDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(_dataDirectory);
        var path = Path.Combine(_dataDirectory, FileName);
        // The private key of ARM's identity: created owner-only, never readable by others even for an instant.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
