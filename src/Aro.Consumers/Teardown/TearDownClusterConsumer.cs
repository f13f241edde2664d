using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Teardown;

/// <summary>Removes the cluster's cloud resources and reports the outcome to the saga.</summary>
/// <remarks>A command of an operation that no longer acts on the cluster is dropped.</remarks>
public sealed class TearDownClusterConsumer(IClusterTeardown teardown, ILogger<TearDownClusterConsumer> logger) : IConsumer<TearDownCluster>
{
    public async Task Consume(ConsumeContext<TearDownCluster> context)
    {
        var command = context.Message;
        var outcome = await teardown.TearDownAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new ClusterTornDown(command.ClusterId, command.ResourceId, command.OperationId),
            failed: error => new ClusterTeardownFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
