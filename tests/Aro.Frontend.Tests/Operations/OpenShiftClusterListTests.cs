using System.Net;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class OpenShiftClusterListTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Fact]
    public async Task Lists_by_resource_group_and_by_subscription_stay_inside_their_scope()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("one")).AssertStatusAsync(HttpStatusCode.Created);
        await (await _arm.PutClusterAsync("two")).AssertStatusAsync(HttpStatusCode.Created);
        var elsewhere = _arm.ValidCluster();
        await (await _arm.SendAsync(HttpMethod.Put, ArmTestClient.WithApiVersion(_arm.ClusterPath("three", "otherGroup")), elsewhere)).AssertStatusAsync(HttpStatusCode.Created);
        var stranger = new ArmTestClient(factory.CreateArmClient());
        await stranger.RegisterSubscriptionAsync();
        await (await stranger.PutClusterAsync("foreign")).AssertStatusAsync(HttpStatusCode.Created);

        var inGroup = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(
            $"/subscriptions/{_arm.SubscriptionId}/resourceGroups/{_arm.ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters"))).AssertStatusAsync(HttpStatusCode.OK);
        var inSubscription = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(
            $"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters", "2019-12-31-preview"))).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(["one", "two"], inGroup["value"]!.AsArray().Select(c => (string)c!["name"]!).Order());
        Assert.Equal(["one", "three", "two"], inSubscription["value"]!.AsArray().Select(c => (string)c!["name"]!).Order());
        Assert.Null(inGroup["nextLink"]);
        ResponseAssertions.AssertNoSecrets(inGroup);
        ResponseAssertions.AssertNoSecrets(inSubscription);
    }

    [Fact]
    public async Task An_empty_scope_lists_an_empty_value()
    {
        var body = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(
            $"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters"))).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Empty(body["value"]!.AsArray());
    }
}
