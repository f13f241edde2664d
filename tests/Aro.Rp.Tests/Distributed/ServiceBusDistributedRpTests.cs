using System.Net;
using System.Net.Http.Json;
using Aro.Rp.Tests.EndToEnd;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// The distributed suite on Service Bus: the frontend and backends find the Service Bus that <c>aro-rp local-cloud</c>
/// serves by its ports, as on a developer's machine, and create the entities. Beside the shared tests, what is Service
/// Bus's own: the local cloud (and with it the namespace) restarted mid-create, and a step timeout delivered by a
/// message scheduled on the broker.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ServiceBusDistributedRpTests : DistributedRpTests
{
    protected override RpTransport Transport => RpTransport.ServiceBus;

    [Fact]
    public async Task A_create_completes_after_the_local_cloud_and_its_Service_Bus_are_killed_and_restarted()
    {
        await using var rp = await DistributedRp.StartAsync(Transport, backends: 2, virtualMachineLatency: TimeSpan.FromMilliseconds(400));
        var walkthrough = new Walkthrough(rp.Rp, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        var operation = await walkthrough.CreateClusterAsync();
        await walkthrough.WaitForOperationAsync(operation, status => status["percentComplete"]?.GetValue<int>() >= 25 || status["status"]?.GetValue<string>() != "Creating");

        await rp.RestartLocalCloudAsync();

        var create = await walkthrough.WaitForOperationAsync(operation);
        Assert.True("Succeeded" == create["status"]!.GetValue<string>(), $"{create.ToJsonString()}\n{rp.Logs()}");
        var machines = await walkthrough.ClusterResourcesAsync("Microsoft.Compute/virtualMachines");
        Assert.Equal(3, machines.Count(vm => vm.Contains("-master-", StringComparison.Ordinal)));
        Assert.Equal(3, machines.Count(vm => vm.Contains("-worker-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_step_whose_cloud_call_hangs_fails_with_its_timeout_scheduled_on_the_broker()
    {
        await using var rp = await DistributedRp.StartAsync(Transport, backends: 1, settings: new Dictionary<string, string>
        {
            ["ARO_STEP_TIMEOUT"] = "00:00:02",
            ["ARO_MAX_STEP_ATTEMPTS"] = "1",
        });
        var walkthrough = new Walkthrough(rp.Rp, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        // Network validation reads the virtual network and its subnets: each read now answers long after the step's timeout.
        var latency = await rp.LocalCloud.PutAsJsonAsync("_localcloud/latency", new { operationType = "Microsoft.Network/virtualNetworks/*", milliseconds = 20_000 });
        Assert.Equal(HttpStatusCode.OK, latency.StatusCode);

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.True("Failed" == create["status"]!.GetValue<string>(), $"{create.ToJsonString()}\n{rp.Logs()}");
        Assert.Equal("NetworkValidationTimeout", create["error"]!["code"]!.GetValue<string>());
        // Nothing but the broker could have delivered the timeout: Service Bus runs no store-backed scheduler endpoint.
        var serviceBus = await Walkthrough.ReadJsonAsync(await rp.LocalCloud.GetAsync("_localcloud/servicebus"));
        var queues = serviceBus["queues"]!.AsArray().Select(queue => queue!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("validate-network", queues);
        Assert.DoesNotContain("aro-scheduler", queues);
        Assert.Equal(HttpStatusCode.NoContent, (await rp.LocalCloud.DeleteAsync("_localcloud/faults")).StatusCode);
    }
}
