using Xunit.Abstractions;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// How many connections a create opens to the cloud, and how many requests it makes, counted by the embedded local
/// cloud's server: ARM and blobs share one pooled handler for the endpoint, and a cluster's Kubernetes API gets one
/// client reused by every call, so a create's sequential steps reuse connections instead of opening one per call.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CloudConnectionsEndToEndTests(ITestOutputHelper output)
{
    /// <summary>
    /// One connection per endpoint: ARM (localhost), blobs (the storage account's path-style 127.0.0.1 address)
    /// and the cluster's Kubernetes API; plus up to two more to ARM when calls overlap (the pool then opens another
    /// connection): the three masters are made together, and the DNS and Ignition steps run at once. A client or
    /// handler per call opened 10.
    /// </summary>
    private const int MaximumConnectionsPerCreate = 5;

    [Fact]
    public async Task A_create_opens_one_connection_per_cloud_endpoint() =>
        // The test's own client reads the counter over the connection it already holds, so only the RP's count.
        Assert.InRange(await CountDuringOneCreateAsync("accepted"), 3, MaximumConnectionsPerCreate);

    /// <summary>
    /// Every request a create makes to the cloud (ARM, blobs, tokens, the cluster's Kubernetes API), counted, so that a
    /// change that adds round trips to every create fails here (a count does not depend on the machine). Today's 62
    /// (69 before the Ignition configs were written together and the cluster resource group created without a second
    /// look) plus two: the DNS and Ignition steps run at once, and both may find the cluster resource group missing and
    /// create it. Each step's reads of what it is about to ensure (the group's owner, GET before PUT) are most of it.
    /// </summary>
    private const int MaximumRequestsPerCreate = 62 + 2;

    [Fact]
    public async Task A_create_makes_no_more_cloud_requests_than_its_budget()
    {
        // Two creates, one after the other, and the lower count: a create whose step is retried (a write that lost a
        // race, a redelivery on a loaded machine) repeats that step's requests, once; a change that adds round trips
        // adds them to every create.
        var requests = await CountDuringCreatesAsync("requests", "first", "second");

        output.WriteLine($"cloud requests for each create: {string.Join(", ", requests)}");
        Assert.InRange(requests.Min(), 1, MaximumRequestsPerCreate);
    }

    /// <summary>How much the local cloud's <paramref name="counter"/> grew while one cluster was created, from its PUT until Succeeded.</summary>
    private static async Task<long> CountDuringOneCreateAsync(string counter) => (await CountDuringCreatesAsync(counter, "mycluster"))[0];

    /// <summary>How much the local cloud's <paramref name="counter"/> grew during each create, one cluster after the other in one RP.</summary>
    private static async Task<long[]> CountDuringCreatesAsync(string counter, params string[] clusters)
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var subscriptionId = Guid.NewGuid().ToString();
        var counts = new List<long>();
        foreach (var cluster in clusters)
        {
            var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud) { SubscriptionId = subscriptionId, Cluster = cluster };
            await walkthrough.CreateVirtualNetworkAsync();
            await walkthrough.RegisterSubscriptionAsync();
            var before = await CountAsync(rp, counter);

            var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

            Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
            counts.Add(await CountAsync(rp, counter) - before);
        }

        return [.. counts];
    }

    private static async Task<long> CountAsync(AllInOneRp rp, string counter)
    {
        using var response = await rp.LocalCloud.GetAsync("_localcloud/connections");
        response.EnsureSuccessStatusCode();
        return (await Walkthrough.ReadJsonAsync(response))[counter]!.GetValue<long>();
    }
}
