using System.Net;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Middleware;

public sealed class ArmMiddlewareTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Fact]
    public async Task Every_response_carries_a_request_id_errors_included()
    {
        var ok = await _arm.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30");
        var error = await _arm.GetAsync("/nowhere");

        Assert.True(Guid.TryParse(ok.Headers.GetValues("x-ms-request-id").Single(), out _));
        Assert.True(Guid.TryParse(error.Headers.GetValues("x-ms-request-id").Single(), out _));
    }

    [Fact]
    public async Task Request_ids_are_random_version_4_guids_never_repeated()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            var response = await _arm.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30");
            ids.Add(Guid.Parse(response.Headers.GetValues("x-ms-request-id").Single()));
        }

        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public async Task The_client_request_id_is_echoed_only_when_asked(string? returnClientRequestId, bool echoed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30");
        request.Headers.Add("x-ms-client-request-id", "client-123");
        if (returnClientRequestId is not null)
        {
            request.Headers.Add("x-ms-return-client-request-id", returnClientRequestId);
        }

        var response = await _arm.Http.SendAsync(request);

        Assert.Equal(echoed, response.Headers.TryGetValues("x-ms-client-request-id", out var values) && values.Single() == "client-123");
    }

    [Fact]
    public async Task Unknown_paths_are_a_NotFound_CloudError()
    {
        var response = await _arm.GetAsync("/subscriptions/x/resourceGroups/y/something/else/entirely/here/now?api-version=2020-04-30");

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "NotFound", "The requested path could not be found.");
    }

    [Fact]
    public async Task Unsupported_methods_are_a_MethodNotAllowed_CloudError()
    {
        var response = await _arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(_arm.ClusterPath("c")));

        await response.AssertCloudErrorAsync(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    [Fact]
    public async Task Unexpected_failures_are_a_generic_500_without_details()
    {
        using var failing = new RpFactory(services => services.AddSingleton<IOpenShiftClusterStore, ExplodingClusterStore>());
        var arm = new ArmTestClient(failing.CreateClient());

        var response = await arm.GetAsync(ArmTestClient.WithApiVersion(arm.ClusterPath("boom")));

        await response.AssertCloudErrorAsync(HttpStatusCode.InternalServerError, "InternalServerError", "Internal server error.");
        Assert.DoesNotContain("database is on fire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_is_served()
    {
        var response = await _arm.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
