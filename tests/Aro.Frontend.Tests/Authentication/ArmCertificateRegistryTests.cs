using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aro.Frontend.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Frontend.Tests.Authentication;

public sealed class ArmCertificateRegistryTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_exact_published_bytes_inside_their_window_are_accepted()
    {
        using var published = Certificate("CN=arm", Now.AddDays(-1), Now.AddDays(30));
        using var sameName = Certificate("CN=arm", Now.AddDays(-1), Now.AddDays(30));
        var registry = new ArmCertificateRegistry();
        registry.Replace([Entry(published, Now.AddDays(-1), Now.AddDays(1))], Now);

        Assert.True(registry.Accepts(published, Now));
        Assert.False(registry.Accepts(sameName, Now));
        Assert.False(registry.Accepts(null, Now));
        Assert.False(registry.Accepts(published, Now.AddDays(2)));
        Assert.False(registry.Accepts(published, Now.AddDays(-2)));
        Assert.True(registry.IsArmCertificate(published));
    }

    [Fact]
    public void A_certificate_past_its_own_expiry_is_refused_even_inside_the_published_window()
    {
        using var expired = Certificate("CN=arm", Now.AddDays(-10), Now.AddDays(-1));
        var registry = new ArmCertificateRegistry();
        registry.Replace([Entry(expired, Now.AddDays(-10), Now.AddDays(10))], Now);

        Assert.False(registry.Accepts(expired, Now));
    }

    [Fact]
    public void Metadata_is_read_whole_or_refused_whole()
    {
        using var certificate = Certificate("CN=arm", Now.AddDays(-1), Now.AddDays(30));
        var json = $$"""{"clientCertificates": [{"thumbprint": "{{certificate.Thumbprint}}", "notBefore": "2026-05-31T00:00:00Z", "notAfter": "2026-07-01T00:00:00Z", "certificate": "{{Convert.ToBase64String(certificate.RawData)}}"}]}""";

        var parsed = Assert.Single(ArmAuthenticationMetadata.Parse(json));
        Assert.Equal(certificate.RawData, parsed.RawData);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), parsed.NotAfter);

        Assert.Throws<FormatException>(() => ArmAuthenticationMetadata.Parse("<html>"));
        Assert.Throws<FormatException>(() => ArmAuthenticationMetadata.Parse("{}"));
        Assert.Throws<FormatException>(() => ArmAuthenticationMetadata.Parse("""{"clientCertificates": [{"thumbprint": "x"}]}"""));
        Assert.Throws<FormatException>(() => ArmAuthenticationMetadata.Parse("""{"clientCertificates": [{"thumbprint": "x", "notBefore": "2026-01-01", "notAfter": "2027-01-01", "certificate": "not base64!"}]}"""));
    }

    [Fact]
    public async Task Readiness_fails_before_the_first_read_after_24_hours_without_one_and_without_a_valid_certificate()
    {
        using var certificate = Certificate("CN=arm", Now.AddDays(-1), Now.AddDays(30));
        var time = new FakeTimeProvider(Now);
        var registry = new ArmCertificateRegistry();
        var check = new ArmCertificateHealthCheck(registry, Options.Create(new ArmAuthenticationOptions { RequireClientCertificate = true }), time);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        registry.Replace([Entry(certificate, Now.AddDays(-1), Now.AddDays(2))], Now);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        registry.Replace([Entry(certificate, Now.AddDays(-1), Now.AddHours(1))], time.GetUtcNow());
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private static ArmCertificate Entry(X509Certificate2 certificate, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        new(certificate.Thumbprint, notBefore, notAfter, certificate.RawData);

    private static X509Certificate2 Certificate(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(notBefore, notAfter);
    }
}
