using System.Net;
using System.Text.Json.Nodes;
using Aro.Messaging;
using Aro.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// The README walkthrough with <c>ARO_TRANSPORT=servicebus</c> and nothing else: the all-in-one RP runs its bus on
/// the embedded local cloud's Service Bus, creating the entities, with step timeouts scheduled on the broker.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ServiceBusEndToEndTests
{
    private static readonly Dictionary<string, string> ServiceBus = new() { ["Messaging:Transport"] = "servicebus" };

    [Fact]
    public async Task A_cluster_is_created_and_deleted_through_the_embedded_local_Service_Bus()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, ServiceBus);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
        Assert.Equal("Succeeded", (await walkthrough.GetClusterAsync())["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.IsType<ServiceBusTransport>(rp.Services.GetRequiredService<IMessageTransport>());

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());

        Assert.Equal("Succeeded", delete["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await rp.CreateClient().GetAsync($"{walkthrough.ClusterUrl}?{Walkthrough.Api}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());

        // The messages went through the local cloud's namespace: the endpoints are its queues, fed by forwarding
        // subscriptions on the contracts' topics; nothing is left, dead-lettered or still scheduled (every step's
        // timeout was cancelled on the broker); no store-backed scheduler queue.
        var serviceBus = await Walkthrough.ReadJsonAsync(await rp.LocalCloud.GetAsync("_localcloud/servicebus"));
        var queues = serviceBus["queues"]!.AsArray().Select(queue => queue!.AsObject()).ToDictionary(queue => queue["name"]!.GetValue<string>());
        Assert.Contains("cluster-lifecycle-state", queues.Keys);
        Assert.Contains("provision-virtual-machines", queues.Keys);
        Assert.Contains("tear-down-cluster", queues.Keys);
        Assert.DoesNotContain("aro-scheduler", queues.Keys);
        Assert.All(queues.Values, queue =>
        {
            Assert.Equal(0, Counts(queue)["deadLetter"]!.GetValue<int>());
            Assert.Equal(0, Counts(queue)["scheduled"]!.GetValue<int>());
        });
        var provision = Assert.Single(serviceBus["topics"]!.AsArray(), topic => topic!["name"]!.GetValue<string>().EndsWith("/ProvisionVirtualMachines", StringComparison.Ordinal))!;
        var subscription = Assert.Single(provision["subscriptions"]!.AsArray())!;
        Assert.Equal("provision-virtual-machines", subscription["forwardTo"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await rp.CreateClient().GetAsync("/healthz/ready")).StatusCode);
    }

    private static JsonObject Counts(JsonObject entity) => entity["counts"]!.AsObject();
}
