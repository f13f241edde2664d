using System.Net;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Subscriptions;

/// <summary>Every ARM operation on a cluster, in every subscription state, over HTTP.</summary>
public sealed class SubscriptionLifecycleTests(RpFactory factory) : IClassFixture<RpFactory>
{
    public static TheoryData<string, string, HttpStatusCode> Rows()
    {
        var rows = new TheoryData<string, string, HttpStatusCode>();
        foreach (var request in new[] { "GET", "LIST", "PUT", "PATCH", "POST", "DELETE" })
        {
            rows.Add("Registered", request, request switch { "PUT" or "PATCH" or "GET" or "LIST" or "POST" => HttpStatusCode.OK, _ => HttpStatusCode.Accepted });
            rows.Add("Warned", request, request switch { "GET" or "LIST" => HttpStatusCode.OK, "DELETE" => HttpStatusCode.Accepted, _ => HttpStatusCode.Conflict });
            rows.Add("Suspended", request, request switch { "GET" or "LIST" => HttpStatusCode.OK, "DELETE" => HttpStatusCode.Accepted, _ => HttpStatusCode.Conflict });
            rows.Add("Unregistered", request, request is "GET" or "LIST" ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
            rows.Add("Deleted", request, HttpStatusCode.BadRequest);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Requests_are_allowed_or_refused_by_the_subscription_state(string state, string request, HttpStatusCode expected)
    {
        var arm = new ArmTestClient(factory.CreateArmClient());
        await arm.RegisterSubscriptionAsync();
        await (await arm.PutClusterAsync("c")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(arm.SubscriptionId, arm.ClusterPath("c"), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
            d.OpenShiftCluster.Properties.Credentials = new ClusterCredentials { KubeadminPassword = "p" };
        });
        var current = await (await arm.GetAsync(ArmTestClient.WithApiVersion(arm.ClusterPath("c")))).AssertStatusAsync(HttpStatusCode.OK);
        await arm.RegisterSubscriptionAsync(state);

        var response = request switch
        {
            "GET" => await arm.GetAsync(ArmTestClient.WithApiVersion(arm.ClusterPath("c"))),
            "LIST" => await arm.GetAsync(ArmTestClient.WithApiVersion($"/subscriptions/{arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters")),
            "PUT" => await arm.PutClusterAsync("c", Resubmitted(current)),
            "PATCH" => await arm.PatchClusterAsync("c", new JsonObject { ["tags"] = new JsonObject { ["t"] = "v" } }),
            "POST" => await arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(arm.ClusterPath("c") + "/listCredentials")),
            _ => await arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(arm.ClusterPath("c"))),
        };

        if (expected is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            await response.AssertCloudErrorAsync(expected, "InvalidSubscriptionState", $"Request is not allowed in subscription in state '{state}'.");
        }
        else
        {
            await response.AssertStatusAsync(expected);
        }
    }

    [Fact]
    public async Task Reads_in_a_subscription_never_registered_find_nothing_and_writes_are_refused()
    {
        var arm = new ArmTestClient(factory.CreateArmClient());

        await (await arm.GetAsync(ArmTestClient.WithApiVersion(arm.ClusterPath("c")))).AssertCloudErrorAsync(HttpStatusCode.NotFound, "ResourceNotFound");
        var list = await (await arm.GetAsync(ArmTestClient.WithApiVersion($"/subscriptions/{arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters"))).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Empty(list["value"]!.AsArray());
        await (await arm.PutClusterAsync("c")).AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidSubscriptionState",
            $"Request is not allowed in unregistered subscription '{arm.SubscriptionId}'.");
    }

    // DELETE is idempotent (ARM RPC; the reference RP checks the subscription only when there is a cluster to delete):
    // nothing to delete is 204 in every state, and in a subscription ARM never told us about.
    [Theory]
    [InlineData("Registered")]
    [InlineData("Warned")]
    [InlineData("Suspended")]
    [InlineData("Unregistered")]
    [InlineData("Deleted")]
    [InlineData(null)]
    public async Task Deleting_a_cluster_that_does_not_exist_is_204_in_every_subscription_state(string? state)
    {
        var arm = new ArmTestClient(factory.CreateArmClient());
        if (state is not null)
        {
            await arm.RegisterSubscriptionAsync();
            await arm.RegisterSubscriptionAsync(state);
        }

        var response = await arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(arm.ClusterPath("missing")));

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
    }

    // A PUT of what GET showed, with the write-only secrets a client would send again left out.
    private static JsonObject Resubmitted(JsonNode current)
    {
        var body = current.DeepClone().AsObject();
        body["tags"] = new JsonObject { ["t"] = "v" };
        return body;
    }
}
