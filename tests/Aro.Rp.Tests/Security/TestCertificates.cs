using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aro.Rp.Tests.Security;

/// <summary>The identities the certificate matrix presents: the operators' CA and certificates issued (or not) by it.</summary>
internal sealed class TestCertificates : IDisposable
{
    public const string AdminSubject = "aro-admin";

    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public TestCertificates()
    {
        AdminCa = CreateCa("CN=aro-admin-ca");
        var now = DateTimeOffset.UtcNow;
        Admin = Issue(AdminCa, $"CN={AdminSubject}", now.AddMinutes(-5), now.AddDays(1));
        ExpiredAdmin = Issue(AdminCa, $"CN={AdminSubject}", now.AddDays(-10), now.AddDays(-1));
        WrongName = Issue(AdminCa, "CN=aro-someone-else", now.AddMinutes(-5), now.AddDays(1));
        SelfSigned = SelfSign($"CN={AdminSubject}", now.AddMinutes(-5), now.AddDays(1));
    }

    public X509Certificate2 AdminCa { get; }

    public X509Certificate2 Admin { get; }

    public X509Certificate2 ExpiredAdmin { get; }

    public X509Certificate2 WrongName { get; }

    public X509Certificate2 SelfSigned { get; }

    public static X509Certificate2 SelfSign(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], false));
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A serving certificate for localhost (PKCS#12 bytes).</summary>
    public static byte[] ServingCertificatePfx()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return created.Export(X509ContentType.Pkcs12);
    }

    public void Dispose()
    {
        foreach (var certificate in new[] { AdminCa, Admin, ExpiredAdmin, WrongName, SelfSigned })
        {
            certificate.Dispose();
        }
    }

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        using var issued = request.Create(ca, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
