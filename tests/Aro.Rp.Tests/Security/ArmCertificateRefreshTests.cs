using System.Net;
using Aro.Frontend.Authentication;
using Aro.LocalCloud.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Security;

/// <summary>ARM's published list as the production RP reads it from the local cloud: rotation, expiry, a bad metadata endpoint.</summary>
public sealed class ArmCertificateRefreshTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task A_rotated_certificate_is_accepted_after_the_next_refresh_and_the_old_one_while_still_published()
    {
        await using var rp = await ProductionRp.StartAsync(_certificates);
        await rp.WaitUntilReadyAsync();
        var armCertificates = rp.Cloud.Services.GetRequiredService<ArmClientCertificates>();
        var previous = armCertificates.Current;
        var rotated = armCertificates.Rotate();

        Assert.Equal(HttpStatusCode.Forbidden, await OperationsStatusAsync(rp, rotated));
        Assert.True(await rp.Services.GetRequiredService<ArmMetadataRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, await OperationsStatusAsync(rp, rotated));
        Assert.Equal(HttpStatusCode.OK, await OperationsStatusAsync(rp, previous));
    }

    [Fact]
    public async Task A_published_certificate_outside_its_window_is_refused()
    {
        await using var rp = await ProductionRp.StartAsync(_certificates);
        await rp.WaitUntilReadyAsync();
        var now = DateTimeOffset.UtcNow;
        using var expired = ArmClientCertificates.Issue(now.AddDays(-10), now.AddDays(-1));
        using var future = ArmClientCertificates.Issue(now.AddDays(1), now.AddDays(10));
        var armCertificates = rp.Cloud.Services.GetRequiredService<ArmClientCertificates>();
        armCertificates.Publish(expired);
        armCertificates.Publish(future);
        Assert.True(await rp.Services.GetRequiredService<ArmMetadataRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, await OperationsStatusAsync(rp, expired));
        Assert.Equal(HttpStatusCode.Forbidden, await OperationsStatusAsync(rp, future));
        Assert.Equal(HttpStatusCode.OK, await OperationsStatusAsync(rp, rp.ArmCertificate));
    }

    [Fact]
    public async Task Without_ARM_metadata_the_RP_is_live_but_not_ready_and_refuses_everyone()
    {
        await using var rp = await ProductionRp.StartAsync(_certificates, new Dictionary<string, string>
        {
            // Nothing listens there: the list is never read.
            ["ArmAuthentication:MetadataEndpoint"] = $"https://127.0.0.1:{FreePort.Next()}/metadata/authentication?api-version=2015-01-01",
        });
        using var client = rp.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await OperationsStatusAsync(rp, rp.ArmCertificate));
    }

    public void Dispose() => _certificates.Dispose();

    private static async Task<HttpStatusCode> OperationsStatusAsync(ProductionRp rp, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        using var client = rp.Client(certificate);
        using var response = await client.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30");
        return response.StatusCode;
    }
}
