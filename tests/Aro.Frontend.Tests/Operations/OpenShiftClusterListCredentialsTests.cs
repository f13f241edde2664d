using System.Net;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class OpenShiftClusterListCredentialsTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Theory]
    [InlineData("listCredentials")]
    [InlineData("credentials")]
    public async Task Credentials_of_a_running_cluster_are_returned(string action)
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("running")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("running"), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
            d.OpenShiftCluster.Properties.Credentials = new ClusterCredentials { KubeadminPassword = "AbCdE-fGhIj-KlMnO-pQrSt" };
        });

        var response = await _arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(_arm.ClusterPath("running") + "/" + action), new System.Text.Json.Nodes.JsonObject());

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("kubeadmin", (string?)body["kubeadminUsername"]);
        Assert.Equal("AbCdE-fGhIj-KlMnO-pQrSt", (string?)body["kubeadminPassword"]);
    }

    // provisioningState, failedProvisioningState: credentials exist once a create succeeded and until a delete starts.
    [Theory]
    [InlineData(ProvisioningState.Succeeded, null, true)]
    [InlineData(ProvisioningState.Updating, null, true)]
    [InlineData(ProvisioningState.AdminUpdating, null, true)]
    [InlineData(ProvisioningState.Failed, ProvisioningState.Updating, true)]
    [InlineData(ProvisioningState.Creating, null, false)]
    [InlineData(ProvisioningState.Deleting, null, false)]
    [InlineData(ProvisioningState.Failed, ProvisioningState.Creating, false)]
    [InlineData(ProvisioningState.Failed, ProvisioningState.Deleting, false)]
    public async Task Credentials_follow_the_provisioning_state(ProvisioningState state, ProvisioningState? failedState, bool served)
    {
        await _arm.RegisterSubscriptionAsync();
        var name = "cred" + Guid.NewGuid().ToString("N")[..8];
        await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), d =>
        {
            d.OpenShiftCluster.Properties.ProvisioningState = state;
            d.OpenShiftCluster.Properties.FailedProvisioningState = failedState;
            d.OpenShiftCluster.Properties.Credentials = new ClusterCredentials { KubeadminPassword = "AbCdE-fGhIj-KlMnO-pQrSt" };
        });

        var response = await _arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(_arm.ClusterPath(name) + "/listCredentials"));

        if (served)
        {
            Assert.Equal("AbCdE-fGhIj-KlMnO-pQrSt", (string?)(await response.AssertStatusAsync(HttpStatusCode.OK))["kubeadminPassword"]);
        }
        else
        {
            await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", $"Request is not allowed in provisioningState '{state}'.");
        }
    }

    [Fact]
    public async Task Credentials_are_refused_while_the_cluster_is_being_created()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("young")).AssertStatusAsync(HttpStatusCode.Created);

        var response = await _arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(_arm.ClusterPath("young") + "/listCredentials"));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "RequestNotAllowed", "Request is not allowed in provisioningState 'Creating'.");
    }

    [Fact]
    public async Task Credentials_of_a_missing_cluster_are_not_found()
    {
        await _arm.RegisterSubscriptionAsync();

        var response = await _arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(_arm.ClusterPath("none") + "/listCredentials"));

        await response.AssertCloudErrorAsync(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Credentials_need_a_registered_subscription()
    {
        var response = await _arm.SendAsync(HttpMethod.Post, ArmTestClient.WithApiVersion(_arm.ClusterPath("any") + "/listCredentials"));

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidSubscriptionState");
    }
}
