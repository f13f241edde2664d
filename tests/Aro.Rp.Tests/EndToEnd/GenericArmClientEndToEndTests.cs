using System.Net;
using System.Text.Json.Nodes;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// A client that knows nothing about this RP beyond the ARM RPC: it follows Azure-AsyncOperation, Location and
/// nextLink, with the real backend finishing the operations behind them.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class GenericArmClientEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Following_only_the_polling_headers_and_nextLink_creates_lists_scales_and_deletes_clusters()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, new Dictionary<string, string> { ["Frontend:ListPageSize"] = "1" });
        var http = rp.CreateClient();
        var first = new Walkthrough(http, rp.LocalCloud) { Cluster = "first" };
        var second = new Walkthrough(http, rp.LocalCloud) { Cluster = "second", SubscriptionId = first.SubscriptionId };
        await first.RegisterSubscriptionAsync();
        foreach (var walkthrough in new[] { first, second })
        {
            await walkthrough.CreateVirtualNetworkAsync();
            // PUT: Azure-AsyncOperation until it settles.
            Assert.Equal("Succeeded", (await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync()))["status"]!.GetValue<string>());
        }

        // List: one cluster a page, nextLink to the end.
        var names = new List<string>();
        for (var next = $"/subscriptions/{first.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters?{Walkthrough.Api}"; next is not null;)
        {
            var page = await Walkthrough.ReadJsonAsync(await http.GetAsync(next));
            names.AddRange(page["value"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
            next = page["nextLink"]?.GetValue<string>() is { } link ? new Uri(link).PathAndQuery : null;
        }

        Assert.Equal(["first", "second"], names.Order(StringComparer.Ordinal));

        // PATCH: Location until it answers what the synchronous call would have, the updated cluster.
        var patch = await http.PatchAsync($"{first.ClusterUrl}?{Walkthrough.Api}", new StringContent(
            """{"tags": {"owner": "generic-client"}, "properties": {"workerProfiles": [{"name": "worker", "count": 4}]}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var patched = await FollowLocationAsync(http, patch);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var cluster = await Walkthrough.ReadJsonAsync(patched);
        Assert.Equal(("generic-client", "Succeeded"), (cluster["tags"]!["owner"]!.GetValue<string>(), cluster["properties"]!["provisioningState"]!.GetValue<string>()));

        // PATCH of tags alone: no polling header to follow, the answer is the result (ADR 0006).
        var tagged = await http.PatchAsync($"{first.ClusterUrl}?{Walkthrough.Api}", new StringContent(
            """{"tags": {"owner": "generic-client-2"}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.Null(tagged.Headers.Location);
        Assert.False(tagged.Headers.Contains("Azure-AsyncOperation"));
        cluster = await Walkthrough.ReadJsonAsync(tagged);
        Assert.Equal(("generic-client-2", "Succeeded"), (cluster["tags"]!["owner"]!.GetValue<string>(), cluster["properties"]!["provisioningState"]!.GetValue<string>()));

        // DELETE: Location until 204.
        var delete = await http.DeleteAsync($"{second.ClusterUrl}?{Walkthrough.Api}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await FollowLocationAsync(http, delete)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{second.ClusterUrl}?{Walkthrough.Api}")).StatusCode);
    }

    /// <summary>Polls the response's Location while it answers 202 (honouring Retry-After as a client would, capped).</summary>
    private static async Task<HttpResponseMessage> FollowLocationAsync(HttpClient http, HttpResponseMessage accepted)
    {
        var location = accepted.Headers.Location ?? throw new InvalidOperationException("No Location header.");
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var response = await http.GetAsync(location.PathAndQuery);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return response;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{location} still answered 202 after {Deadline}.");
            location = response.Headers.Location ?? location;
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            await Task.Delay(retryAfter < TimeSpan.FromMilliseconds(200) ? retryAfter : TimeSpan.FromMilliseconds(200));
        }
    }
}
