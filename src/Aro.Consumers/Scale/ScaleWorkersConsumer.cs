using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Scale;

/// <summary>Scales the cluster's workers and reports the outcome to the saga; a command of an operation that no longer acts on the cluster is dropped.</summary>
public sealed class ScaleWorkersConsumer(IWorkerScaler scaler, ILogger<ScaleWorkersConsumer> logger) : IConsumer<ScaleWorkers>
{
    public async Task Consume(ConsumeContext<ScaleWorkers> context)
    {
        var command = context.Message;
        var outcome = await scaler.ScaleAsync(command.ResourceId, command.OperationId, command.WorkerCount, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new WorkersScaled(command.ClusterId, command.ResourceId, command.OperationId, command.WorkerCount),
            failed: error => new WorkerScalingFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
