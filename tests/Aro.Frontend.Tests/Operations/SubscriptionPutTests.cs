using System.Net;
using System.Text.Json.Nodes;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class SubscriptionPutTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    private string Path => $"/subscriptions/{_arm.SubscriptionId}?api-version=2.0";

    [Fact]
    public async Task First_notification_creates_201_and_later_ones_update_200()
    {
        var body = new JsonObject { ["state"] = "Registered", ["properties"] = new JsonObject { ["tenantId"] = "d6d4ab4e-0a6d-4c1b-9a8a-2f0b5c9a1e33", ["somethingNew"] = 1 }, ["unknownTopLevel"] = true };

        var created = await (await _arm.SendAsync(HttpMethod.Put, Path, body)).AssertStatusAsync(HttpStatusCode.Created);
        var again = await (await _arm.SendAsync(HttpMethod.Put, Path, body)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("Registered", (string?)created["state"]);
        Assert.Equal("d6d4ab4e-0a6d-4c1b-9a8a-2f0b5c9a1e33", (string?)again["properties"]!["tenantId"]);
    }

    [Theory]
    [InlineData("Registered")]
    [InlineData("Warned")]
    [InlineData("Suspended")]
    [InlineData("Deleted")]
    [InlineData("Unregistered")]
    public async Task Every_lifecycle_state_is_accepted(string state)
    {
        var body = await (await _arm.SendAsync(HttpMethod.Put, Path, new JsonObject { ["state"] = state })).AssertStatusAsync(HttpStatusCode.Created);

        Assert.Equal(state, (string?)body["state"]);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("registered")]
    [InlineData("1")]
    public async Task Unknown_states_are_InvalidParameter(string state)
    {
        var response = await _arm.SendAsync(HttpMethod.Put, Path, new JsonObject { ["state"] = state });

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidParameter", $"The provided state '{state}' is invalid.", "state");
    }

    [Fact]
    public async Task A_deleted_subscription_cannot_come_back()
    {
        await _arm.RegisterSubscriptionAsync("Deleted");

        var response = await _arm.SendAsync(HttpMethod.Put, Path, new JsonObject { ["state"] = "Registered" });

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidSubscriptionState", "Request is not allowed in subscription in state 'Deleted'.");
    }

    [Fact]
    public async Task Other_api_versions_are_InvalidResourceType()
    {
        var response = await _arm.SendAsync(HttpMethod.Put, $"/subscriptions/{_arm.SubscriptionId}?api-version=2020-04-30", new JsonObject { ["state"] = "Registered" });

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidResourceType");
    }

    [Fact]
    public async Task Malformed_subscription_ids_are_InvalidSubscriptionID()
    {
        var response = await _arm.SendAsync(HttpMethod.Put, "/subscriptions/nope?api-version=2.0", new JsonObject { ["state"] = "Registered" });

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidSubscriptionID", "The provided subscription identifier 'nope' is malformed or invalid.");
    }
}
