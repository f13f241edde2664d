using System.Net;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class AsyncOperationStatusGetTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Fact]
    public async Task The_Azure_AsyncOperation_url_of_a_create_reports_the_running_operation()
    {
        await _arm.RegisterSubscriptionAsync();
        var created = await _arm.PutClusterAsync("polled");
        var url = new Uri(created.Headers.GetValues("Azure-AsyncOperation").Single());

        var status = await (await _arm.GetAsync(url.PathAndQuery)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("Creating", (string?)status["status"]);
        Assert.Equal(url.Segments.Last(), (string?)status["name"]);
        Assert.NotNull((string?)status["startTime"]);
        Assert.Null(status["error"]);
    }

    [Fact]
    public async Task Unknown_operations_are_NotFound()
    {
        var response = await _arm.GetAsync($"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/{Guid.NewGuid()}?api-version=2020-04-30");

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "NotFound", "The entity was not found.");
    }

    [Fact]
    public async Task Another_location_is_InvalidLocation()
    {
        var response = await _arm.GetAsync($"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/westus/operationsstatus/{Guid.NewGuid()}?api-version=2020-04-30");

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidLocation", "The provided location 'westus' is malformed or invalid.");
    }

    [Fact]
    public async Task A_malformed_operation_id_is_InvalidOperationID()
    {
        var response = await _arm.GetAsync($"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/xyz?api-version=2020-04-30");

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidOperationID", "The provided operation identifier 'xyz' is malformed or invalid.");
    }
}
