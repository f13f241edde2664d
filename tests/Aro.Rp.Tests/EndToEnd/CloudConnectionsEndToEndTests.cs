namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// How many connections a create opens to the cloud, counted by the embedded local cloud's server: ARM and
/// blobs share one pooled handler for the endpoint, and a cluster's Kubernetes API gets one client reused by
/// every call, so a create's sequential steps reuse connections instead of opening one per call.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CloudConnectionsEndToEndTests
{
    /// <summary>
    /// One connection per endpoint: ARM (localhost), blobs (the storage account's path-style 127.0.0.1 address)
    /// and the cluster's Kubernetes API; plus one when two steps call ARM at the same moment (the pool then
    /// opens a second connection). A client or handler per call opened 10.
    /// </summary>
    private const int MaximumConnectionsPerCreate = 4;

    [Fact]
    public async Task A_create_opens_one_connection_per_cloud_endpoint()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        var before = await AcceptedAsync(rp);

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
        // The test's own client reads the counter over the connection it already holds, so only the RP's count.
        Assert.InRange(await AcceptedAsync(rp) - before, 3, MaximumConnectionsPerCreate);
    }

    private static async Task<long> AcceptedAsync(AllInOneRp rp)
    {
        using var response = await rp.LocalCloud.GetAsync("_localcloud/connections");
        response.EnsureSuccessStatusCode();
        return (await Walkthrough.ReadJsonAsync(response))["accepted"]!.GetValue<long>();
    }
}
