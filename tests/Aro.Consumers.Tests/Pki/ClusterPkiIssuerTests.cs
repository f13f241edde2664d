using System.Net;
using System.Security.Cryptography.X509Certificates;
using Aro.Consumers.Pki;

namespace Aro.Consumers.Tests.Pki;

public sealed class ClusterPkiIssuerTests
{
    private readonly Api.Model.ClusterPki _pki = new ClusterPkiIssuer(TimeProvider.System).Issue(TestClusters.Domain);

    [Fact]
    public void The_root_CA_is_a_self_signed_CA_for_ten_years()
    {
        using var ca = X509Certificate2.CreateFromPem(_pki.RootCaCertificatePem, _pki.RootCaKeyPem);

        Assert.True(ca.HasPrivateKey);
        Assert.Equal(ca.Subject, ca.Issuer);
        var constraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        var usages = ca.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages;
        Assert.True(usages.HasFlag(X509KeyUsageFlags.KeyCertSign), usages.ToString());
        Assert.True(ca.NotAfter - ca.NotBefore >= TimeSpan.FromDays(3650), $"{ca.NotBefore:O} - {ca.NotAfter:O}");
    }

    [Fact]
    public void The_API_server_certificate_chains_to_the_CA_for_serving_the_cluster_names()
    {
        using var ca = X509Certificate2.CreateFromPem(_pki.RootCaCertificatePem);
        using var server = X509Certificate2.CreateFromPem(_pki.ApiServerCertificatePem, _pki.ApiServerKeyPem);

        Assert.Equal("", Certificates.ChainProblems(server, ca, Certificates.ServerAuthentication));
        var sans = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["api." + TestClusters.Domain, "api-int." + TestClusters.Domain, "localhost"], sans.EnumerateDnsNames().ToArray());
        Assert.Equal([IPAddress.Loopback], sans.EnumerateIPAddresses().ToArray());
        Assert.True(server.MatchesHostname("api-int." + TestClusters.Domain));
        Assert.False(server.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var usages = server.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>();
        Assert.Equal([Certificates.ServerAuthentication], usages.Select(usage => usage.Value));
    }

    [Fact]
    public void The_admin_certificate_is_system_admin_in_system_masters_for_client_authentication()
    {
        using var ca = X509Certificate2.CreateFromPem(_pki.RootCaCertificatePem);
        using var admin = X509Certificate2.CreateFromPem(_pki.AdminClientCertificatePem, _pki.AdminClientKeyPem);

        Assert.Equal("", Certificates.ChainProblems(admin, ca, Certificates.ClientAuthentication));
        Assert.Equal("system:admin", admin.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Contains("O=system:masters", admin.Subject, StringComparison.Ordinal);
        var usages = admin.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>();
        Assert.Equal([Certificates.ClientAuthentication], usages.Select(usage => usage.Value));
        Assert.NotEqual("", Certificates.ChainProblems(admin, ca, Certificates.ServerAuthentication));
    }

    [Fact]
    public void A_certificate_of_another_cluster_CA_does_not_chain()
    {
        var other = new ClusterPkiIssuer(TimeProvider.System).Issue(TestClusters.Domain);
        using var ca = X509Certificate2.CreateFromPem(_pki.RootCaCertificatePem);
        using var foreign = X509Certificate2.CreateFromPem(other.ApiServerCertificatePem);

        Assert.NotEqual("", Certificates.ChainProblems(foreign, ca, Certificates.ServerAuthentication));
    }
}
