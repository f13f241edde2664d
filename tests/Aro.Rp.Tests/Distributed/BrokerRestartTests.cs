using Aro.Rp.Tests.EndToEnd;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// Stops the shared test broker's application, so it runs alone (<see cref="BrokerRestartCollection"/>): every
/// other RabbitMQ test would lose its broker too.
/// </summary>
[Trait("Category", "RabbitMQ")]
[Collection(BrokerRestartCollection.Name)]
public sealed class BrokerRestartTests
{
    [Fact]
    public async Task A_create_completes_after_the_broker_stops_and_comes_back()
    {
        await using var rp = await DistributedRp.StartAsync(RpTransport.RabbitMq, backends: 2, virtualMachineLatency: TimeSpan.FromMilliseconds(400));
        var walkthrough = new Walkthrough(rp.Rp, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        var operation = await walkthrough.CreateClusterAsync();
        await walkthrough.WaitForOperationAsync(operation, status => status["percentComplete"]?.GetValue<int>() >= 25 || status["status"]?.GetValue<string>() != "Creating");

        await RabbitMqNode.StopAppAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await RabbitMqNode.StartAppAsync();

        var create = await walkthrough.WaitForOperationAsync(operation);
        Assert.True("Succeeded" == create["status"]!.GetValue<string>(), $"{create.ToJsonString()}\n{rp.Logs()}");
        Assert.Equal(3, (await walkthrough.ClusterResourcesAsync("Microsoft.Compute/virtualMachines")).Count(vm => vm.Contains("-master-", StringComparison.Ordinal)));
    }
}
