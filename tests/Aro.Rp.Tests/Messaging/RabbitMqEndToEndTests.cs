using System.Net;
using Aro.Rp.Tests.EndToEnd;

namespace Aro.Rp.Tests.Messaging;

/// <summary>The README walkthrough through a real RabbitMQ: the all-in-one RP with ARO_TRANSPORT=rabbitmq.</summary>
[Trait("Category", "RabbitMQ")]
public sealed class RabbitMqEndToEndTests
{
    [Fact]
    public async Task A_cluster_is_created_scaled_and_deleted_through_RabbitMQ()
    {
        await using var vhost = await RabbitMqTestBroker.FromEnvironment().CreateVirtualHostAsync();
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, vhost.RpSettings);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());
        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());

        var scale = await walkthrough.WaitForOperationAsync(await walkthrough.ScaleAsync(workers: 4));
        Assert.Equal("Succeeded", scale["status"]!.GetValue<string>());
        Assert.Equal(4, (await walkthrough.GetClusterAsync())["properties"]!["workerProfiles"]![0]!["count"]!.GetValue<int>());

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());
        Assert.Equal("Succeeded", delete["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());

        var queues = await vhost.Broker.QueuesAsync(vhost.Name);
        var durable = queues.Where(queue => queue["durable"]!.GetValue<bool>()).ToList();
        Assert.Contains(durable, queue => queue["name"]!.GetValue<string>() == "cluster-lifecycle-state");
        Assert.Contains(durable, queue => queue["name"]!.GetValue<string>() == "aro-scheduler");
        Assert.All(durable, queue => Assert.Equal("quorum", queue["type"]!.GetValue<string>()));
        var ready = await rp.CreateClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
