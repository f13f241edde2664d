using System.Net;
using Aro.Api.Model;
using Aro.Contracts;
using Aro.Frontend.Tests.Infrastructure;
using MassTransit.Testing;

namespace Aro.Frontend.Tests.Operations;

public sealed class OpenShiftClusterDeleteTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Fact]
    public async Task Delete_of_a_missing_cluster_is_204()
    {
        var response = await _arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("nothing")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_answers_202_with_polling_headers_marks_Deleting_and_publishes_ClusterDeleteRequested()
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("doomed");

        using var request = new HttpRequestMessage(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("doomed")));
        request.Headers.Referrer = new Uri($"https://management.azure.com{_arm.ClusterPath("doomed")}?api-version=2020-04-30");
        var response = await _arm.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = response.Headers.GetValues("Azure-AsyncOperation").Single();
        var result = response.Headers.Location!.ToString();
        Assert.StartsWith($"https://management.azure.com/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/", status);
        Assert.EndsWith("?api-version=2020-04-30", status);
        Assert.Contains("/operationresults/", result);
        Assert.NotNull(response.Headers.RetryAfter);

        var body = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("doomed")))).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Deleting", (string?)body["properties"]!["provisioningState"]);
        var operationId = new Uri(status).Segments.Last();
        Assert.True(await factory.PublishedAsync<ClusterDeleteRequested>(m => m.Context.Message.OperationId == operationId));
    }

    [Fact]
    public async Task Delete_while_another_operation_runs_is_refused()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("creating")).AssertStatusAsync(HttpStatusCode.Created);

        var response = await _arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("creating")));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", "Request is not allowed in provisioningState 'Creating'.");
    }

    [Fact]
    public async Task Delete_of_a_cluster_whose_creation_failed_is_accepted()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("failed")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("failed"), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Failed;
            d.OpenShiftCluster.Properties.FailedProvisioningState = ProvisioningState.Creating;
        });

        var response = await _arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("failed")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("Warned", HttpStatusCode.Accepted)]
    [InlineData("Suspended", HttpStatusCode.Accepted)]
    [InlineData("Unregistered", HttpStatusCode.BadRequest)]
    public async Task Delete_is_allowed_in_Warned_and_Suspended_subscriptions(string state, HttpStatusCode expected)
    {
        await _arm.RegisterSubscriptionAsync();
        await CreateSucceededAsync("sub-state");
        await _arm.RegisterSubscriptionAsync(state);

        var response = await _arm.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_arm.ClusterPath("sub-state")));

        if (expected == HttpStatusCode.Accepted)
        {
            Assert.Equal(expected, response.StatusCode);
        }
        else
        {
            await response.AssertCloudErrorAsync(expected, "InvalidSubscriptionState", $"Request is not allowed in subscription in state '{state}'.");
        }
    }

    private async Task CreateSucceededAsync(string name)
    {
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
    }
}
