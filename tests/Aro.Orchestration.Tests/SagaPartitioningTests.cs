using Aro.Contracts;
using MassTransit;

namespace Aro.Orchestration.Tests;

public sealed class SagaPartitioningTests
{
    [Fact]
    public void Every_message_the_saga_consumes_is_partitioned_by_its_cluster()
    {
        var types = SagaPartitioning.ConsumedMessageTypes();

        // The requests, the steps' outcomes and faults, and the step timeout: each carries the cluster id the partition
        // key is read from (PartitionByCluster refuses a type that does not, when the endpoint is configured).
        Assert.Contains(typeof(ClusterCreateRequested), types);
        Assert.Contains(typeof(DnsConfigured), types);
        Assert.Contains(typeof(IgnitionGenerated), types);
        Assert.Contains(typeof(Fault<ProvisionVirtualMachines>), types);
        Assert.Contains(typeof(ClusterStepTimedOut), types);
        Assert.All(types, type => Assert.True(
            typeof(IClusterOperationMessage).IsAssignableFrom(type)
            || type == typeof(ClusterStepTimedOut)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Fault<>) && typeof(IClusterOperationMessage).IsAssignableFrom(type.GetGenericArguments()[0])),
            type.Name));
    }
}
