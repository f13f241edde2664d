using System.Diagnostics;
using Aro.Rp.Tests.EndToEnd;

namespace Aro.Rp.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public async Task One_trace_follows_a_create_from_the_ARM_request_through_the_bus_to_the_steps_cloud_calls()
    {
        var exported = new List<Activity>();
        using var state = new RpState();
        await using var rp = new AllInOneRp(state).WithTelemetry(exported);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Activity[] activities;
        lock (exported)
        {
            activities = [.. exported];
        }

        // Activity sources are process-wide: the embedded local cloud's server spans are here too, and so are those
        // of other tests' hosts running in parallel. This test's PUT is the one on its own subscription.
        var put = Assert.Single(activities, a => a.Kind == ActivityKind.Server
            && a.GetTagItem("http.request.method") as string == "PUT"
            && (a.GetTagItem("url.path") as string ?? "").Contains($"/subscriptions/{walkthrough.SubscriptionId}/resourceGroups/{walkthrough.Cluster}/providers/Microsoft.RedHatOpenShift/openShiftClusters/", StringComparison.Ordinal));
        var trace = activities.Where(a => a.TraceId == put.TraceId).ToArray();
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.DisplayName.Contains("validate-network", StringComparison.Ordinal));
        Assert.Contains(trace, a => a.Kind == ActivityKind.Client && a.Source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal));
    }
}
