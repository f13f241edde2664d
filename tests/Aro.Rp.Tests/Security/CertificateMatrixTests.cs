using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Security;

/// <summary>
/// Every route of the ARM and admin APIs against every kind of caller, over real TLS to a production RP: only ARM's
/// published certificate opens the ARM API, only the admin certificate opens /admin, and every other caller gets a
/// 403 CloudError Forbidden. The health endpoints need no certificate at all.
/// </summary>
public sealed class CertificateMatrixTests(ProductionRpFixture fixture) : IClassFixture<ProductionRpFixture>
{
    private const string Subscription = "/subscriptions/6c7c5a68-2b47-4a8a-9b43-3e0e5c1c5a11";
    private const string Cluster = Subscription + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/matrix";
    private const string Api = "?api-version=2020-04-30";

    public static readonly string[] Callers = ["none", "arm", "admin", "self-signed", "expired", "wrong-cn"];

    private static readonly (string Method, string Path)[] ArmRoutes =
    [
        ("GET", "/providers/Microsoft.RedHatOpenShift/operations" + Api),
        ("PUT", Subscription + "?api-version=2.0"),
        ("GET", Cluster + Api),
        ("PUT", Cluster + Api),
        ("PATCH", Cluster + Api),
        ("DELETE", Cluster + Api),
        ("POST", Cluster + "/listCredentials" + Api),
        ("POST", Cluster + "/credentials" + Api),
        ("GET", Subscription + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters" + Api),
        ("GET", Subscription + "/providers/Microsoft.RedHatOpenShift/openShiftClusters" + Api),
        ("GET", Subscription + "/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/op" + Api),
        ("GET", Subscription + "/providers/Microsoft.RedHatOpenShift/locations/eastus/operationresults/op" + Api),
        ("GET", "/no/such/route"),
    ];

    private static readonly (string Method, string Path)[] AdminRoutes =
    [
        ("GET", "/admin" + Cluster),
        ("POST", "/admin" + Cluster + "/listAdminCredentials"),
        ("POST", "/admin" + Cluster + "/retryDeletion"),
        ("GET", "/admin/deadLetters"),
        ("GET", "/admin/deadLetters/validate-network/m-1"),
        ("POST", "/admin/deadLetters/validate-network/requeue"),
        ("DELETE", "/admin/deadLetters/validate-network"),
        ("GET", "/admin/no/such/route"),
    ];

    public static TheoryData<string, string, string> ArmRouteRows() => Rows(ArmRoutes);

    public static TheoryData<string, string, string> AdminRouteRows() => Rows(AdminRoutes);

    public static TheoryData<string> CallerRows() => [.. Callers];

    [Theory]
    [MemberData(nameof(ArmRouteRows))]
    public async Task The_ARM_API_answers_only_ARM(string method, string path, string caller)
    {
        using var response = await SendAsync(caller, method, path);

        await AssertAuthorizedOnlyFor("arm", caller, response);
    }

    [Theory]
    [MemberData(nameof(AdminRouteRows))]
    public async Task The_admin_API_answers_only_the_admin_certificate(string method, string path, string caller)
    {
        using var response = await SendAsync(caller, method, path);

        await AssertAuthorizedOnlyFor("admin", caller, response);
    }

    [Theory]
    [MemberData(nameof(CallerRows))]
    public async Task Health_needs_no_certificate(string caller)
    {
        using var live = await SendAsync(caller, "GET", "/healthz");
        using var ready = await SendAsync(caller, "GET", "/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_refused_request_changes_nothing()
    {
        var body = """{"state": "Registered", "properties": {"tenantId": "6c7c5a68-2b47-4a8a-9b43-3e0e5c1c5a12"}}""";
        const string subscription = "/subscriptions/2b0f4e0a-8f3c-4c1e-9d7a-5a3b1c2d3e4f";
        using (var refused = await SendAsync("admin", "PUT", subscription + "?api-version=2.0", body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var subscriptions = fixture.Rp.Services.GetRequiredService<ISubscriptionStore>();
        Assert.Null(await subscriptions.GetAsync(SubscriptionDocument.KeyFor("2b0f4e0a-8f3c-4c1e-9d7a-5a3b1c2d3e4f"), SubscriptionDocument.KeyFor("2b0f4e0a-8f3c-4c1e-9d7a-5a3b1c2d3e4f"), CancellationToken.None));

        using (var accepted = await SendAsync("arm", "PUT", subscription + "?api-version=2.0", body))
        {
            Assert.True(accepted.IsSuccessStatusCode, $"ARM's subscription PUT answered {accepted.StatusCode}");
        }

        Assert.NotNull(await subscriptions.GetAsync(SubscriptionDocument.KeyFor("2b0f4e0a-8f3c-4c1e-9d7a-5a3b1c2d3e4f"), SubscriptionDocument.KeyFor("2b0f4e0a-8f3c-4c1e-9d7a-5a3b1c2d3e4f"), CancellationToken.None));
    }

    private static TheoryData<string, string, string> Rows((string Method, string Path)[] routes)
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (method, path) in routes)
        {
            foreach (var caller in Callers)
            {
                rows.Add(method, path, caller);
            }
        }

        return rows;
    }

    private static async Task AssertAuthorizedOnlyFor(string authorized, string caller, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (caller == authorized)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var error = JsonDocument.Parse(body);
        Assert.Equal("Forbidden", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(string caller, string method, string path, string? body = null)
    {
        using var client = fixture.Rp.Client(Certificate(caller));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "PATCH" or "POST")
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private X509Certificate2? Certificate(string caller) => caller switch
    {
        "none" => null,
        "arm" => fixture.Rp.ArmCertificate,
        "admin" => fixture.Certificates.Admin,
        "self-signed" => fixture.Certificates.SelfSigned,
        "expired" => fixture.Certificates.ExpiredAdmin,
        "wrong-cn" => fixture.Certificates.WrongName,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}
