using System.Security.Cryptography.X509Certificates;
using Aro.Rp.Hosting;

namespace Aro.Rp.Tests.Hosting;

public sealed class ServingCertificateTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aro-rp-tests-").FullName;

    [Fact]
    public void Development_mode_creates_a_localhost_certificate_on_first_start_and_reuses_it()
    {
        var options = new RpOptions { DataDirectory = _dataDirectory };

        using var first = ServingCertificate.Load(options);
        using var second = ServingCertificate.Load(options);

        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.True(first.HasPrivateKey);
        Assert.Equal("CN=localhost", first.Subject);
        var names = first.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames();
        Assert.Contains("localhost", names);
        Assert.True(first.NotAfter > DateTime.UtcNow.AddDays(300));
        var file = Path.Combine(_dataDirectory, "tls", "localhost.pfx");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Production_mode_without_a_certificate_file_refuses_to_start()
    {
        var options = new RpOptions { DataDirectory = _dataDirectory, Mode = "production" };

        var error = Assert.Throws<InvalidOperationException>(() => ServingCertificate.Load(options));

        Assert.Contains("ARO_TLS_CERTIFICATE_FILE", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_dataDirectory, "tls")));
    }

    [Fact]
    public void A_configured_certificate_file_is_used_as_it_is()
    {
        var generated = new RpOptions { DataDirectory = _dataDirectory };
        using var made = ServingCertificate.Load(generated);
        var options = new RpOptions { Mode = "production", DataDirectory = _dataDirectory, TlsCertificateFile = Path.Combine(_dataDirectory, "tls", "localhost.pfx") };

        using var loaded = ServingCertificate.Load(options);

        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
