using System.Net;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

/// <summary>
/// GET and list answer a cluster unchanged since this frontend last showed it with the JSON it showed then, its
/// document left unread; any write gives the cluster a new ETag, and the next read shows the write. The stored body is
/// rewritten here behind the RP's back with its ETag kept, which no writer through a store can do, so what a read
/// answers tells whether it read the body.
/// </summary>
public sealed class ShownClusterReuseTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    [Fact]
    public async Task A_GET_of_an_unchanged_cluster_answers_what_it_showed_and_a_write_is_shown_at_once()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("shown")).AssertStatusAsync(HttpStatusCode.Created);
        var first = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("shown")))).AssertStatusAsync(HttpStatusCode.OK);
        await RewriteOwnerBehindTheRpsBackAsync("shown", "behind-the-back");

        var again = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("shown")));
        var againBody = await again.AssertStatusAsync(HttpStatusCode.OK);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("shown"), document => document.OpenShiftCluster.Tags!["team"] = "written");
        var afterWrite = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("shown")));
        var afterWriteBody = await afterWrite.AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(first.ToJsonString(), againBody.ToJsonString());
        Assert.Equal("written", (string?)afterWriteBody["tags"]!["team"]);
        Assert.NotEqual(again.Headers.ETag, afterWrite.Headers.ETag);
        ResponseAssertions.AssertNoSecrets(afterWriteBody);
    }

    [Fact]
    public async Task Each_api_version_is_shown_in_its_own_shape_and_a_deleted_cluster_is_not_shown_again()
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("versions")).AssertStatusAsync(HttpStatusCode.Created);
        await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("versions")))).AssertStatusAsync(HttpStatusCode.OK);
        await RewriteOwnerBehindTheRpsBackAsync("versions", "behind-the-back");

        // Not shown in the preview version before: read from the store, as it is now.
        var preview = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("versions"), "2019-12-31-preview"))).AssertStatusAsync(HttpStatusCode.OK);
        await factory.DeleteClusterDocumentAsync(_arm.SubscriptionId, _arm.ClusterPath("versions"));
        var gone = await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("versions")));

        Assert.Equal("behind-the-back", (string?)preview["tags"]!["team"]);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_list_answers_the_clusters_it_showed_unchanged_and_reads_the_ones_written_since()
    {
        await _arm.RegisterSubscriptionAsync();
        foreach (var name in new[] { "alpha", "beta", "gamma" })
        {
            await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        }

        var list = ArmTestClient.WithApiVersion($"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters");
        var first = await (await _arm.GetAsync(list)).AssertStatusAsync(HttpStatusCode.OK);
        await RewriteOwnerBehindTheRpsBackAsync("alpha", "behind-the-back");
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("beta"), document => document.OpenShiftCluster.Tags!["team"] = "written");
        await (await _arm.PutClusterAsync("delta")).AssertStatusAsync(HttpStatusCode.Created);

        var second = await (await _arm.GetAsync(list)).AssertStatusAsync(HttpStatusCode.OK);
        var owners = second["value"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string?)c!["tags"]!["team"]);
        var got = await (await _arm.GetAsync(ArmTestClient.WithApiVersion(_arm.ClusterPath("beta")))).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(["alpha", "beta", "gamma"], first["value"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal(["alpha", "beta", "delta", "gamma"], owners.Keys);
        Assert.Equal(first["value"]![0]!.ToJsonString(), second["value"]![0]!.ToJsonString());
        Assert.Equal("platform", owners["alpha"]);
        Assert.Equal("written", owners["beta"]);
        Assert.Equal(second["value"]![1]!.ToJsonString(), got.ToJsonString());
        ResponseAssertions.AssertNoSecrets(second);
    }

    [Fact]
    public async Task A_list_page_whose_clusters_are_all_unchanged_is_answered_byte_for_byte_as_it_was_shown()
    {
        await _arm.RegisterSubscriptionAsync();
        foreach (var name in new[] { "one", "two" })
        {
            await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        }

        var list = ArmTestClient.WithApiVersion($"/subscriptions/{_arm.SubscriptionId}/resourceGroups/{_arm.ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters");
        var first = await (await _arm.GetAsync(list)).Content.ReadAsByteArrayAsync();
        await RewriteOwnerBehindTheRpsBackAsync("one", "behind-the-back");
        await RewriteOwnerBehindTheRpsBackAsync("two", "behind-the-back");
        var again = await (await _arm.GetAsync(list)).Content.ReadAsByteArrayAsync();
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("two"), document => document.OpenShiftCluster.Tags!["team"] = "written");
        var afterWrite = await (await _arm.GetAsync(list)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(first, again);
        Assert.Equal(["platform", "written"], afterWrite["value"]!.AsArray().Select(c => (string?)c!["tags"]!["team"]));
    }

    private Task RewriteOwnerBehindTheRpsBackAsync(string name, string owner) =>
        factory.RewriteStoredClusterAsync(_arm.SubscriptionId, _arm.ClusterPath(name), body =>
        {
            body["openShiftCluster"]!["tags"]!["team"] = owner;
            return body;
        });
}
