using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Teardown;

/// <summary>Removes the cluster's cloud resources and reports the outcome to the saga.</summary>
public sealed class TearDownClusterConsumer(IClusterTeardown teardown) : IConsumer<TearDownCluster>
{
    public async Task Consume(ConsumeContext<TearDownCluster> context)
    {
        var command = context.Message;
        if (await teardown.TearDownAsync(command.ResourceId, context.CancellationToken) is { } error)
        {
            await context.Publish(new ClusterTeardownFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target), context.CancellationToken);
            return;
        }

        await context.Publish(new ClusterTornDown(command.ClusterId, command.ResourceId, command.OperationId), context.CancellationToken);
    }
}
