using System.Security.Cryptography.X509Certificates;
using Aro.Rp.Commands;

namespace Aro.Rp.Tests.Commands;

/// <summary><c>aro-rp genkey</c>: a self-signed certificate and key in PEM, owner-only, as hack/genkey writes them.</summary>
public sealed class GenKeyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aro-genkey-").FullName;

    [Fact]
    public void A_serving_certificate_is_written_with_its_key_for_the_name_and_readable_by_the_owner_only()
    {
        var console = new TestConsole();

        var exitCode = GenKeyCommand.Run("rp.example.test", client: false, _directory, console.Console, console.Error);

        Assert.Equal(0, exitCode);
        var certificatePath = Path.Combine(_directory, "rp.example.test.crt");
        var keyPath = Path.Combine(_directory, "rp.example.test.key");
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(keyPath), StringComparison.Ordinal);
        using var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=rp.example.test", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], Usages(certificate));
        Assert.Contains("rp.example.test", certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        AssertOwnerOnly(certificatePath);
        AssertOwnerOnly(keyPath);
        Assert.Contains("rp.example.test.crt", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_certificate_carries_the_client_authentication_usage_only()
    {
        var console = new TestConsole();

        var exitCode = GenKeyCommand.Run("aro-admin", client: true, _directory, console.Console, console.Error);

        Assert.Equal(0, exitCode);
        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(_directory, "aro-admin.crt"), Path.Combine(_directory, "aro-admin.key"));
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], Usages(certificate));
        Assert.Empty(certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>());
    }

    [Fact]
    public void An_existing_key_file_others_could_read_is_made_owner_only_when_overwritten()
    {
        var keyPath = Path.Combine(_directory, "aro-admin.key");
        File.WriteAllText(keyPath, "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        Assert.Equal(0, GenKeyCommand.Run("aro-admin", client: true, _directory, new TestConsole().Console, TextWriter.Null));

        AssertOwnerOnly(keyPath);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(keyPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("cn,o=evil")]
    public void A_name_that_cannot_be_a_file_or_a_common_name_is_one_line_and_exit_code_1(string name)
    {
        var console = new TestConsole();

        var exitCode = GenKeyCommand.Run(name, client: false, _directory, console.Console, console.Error);

        Assert.Equal(1, exitCode);
        Assert.Single(console.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Usages(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(usage => usage.Value!)];

    private static void AssertOwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
