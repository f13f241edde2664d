using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Scale;

/// <summary>Scales the cluster's workers and reports the outcome to the saga.</summary>
public sealed class ScaleWorkersConsumer(IWorkerScaler scaler) : IConsumer<ScaleWorkers>
{
    public async Task Consume(ConsumeContext<ScaleWorkers> context)
    {
        var command = context.Message;
        if (await scaler.ScaleAsync(command.ResourceId, command.WorkerCount, context.CancellationToken) is { } error)
        {
            await context.Publish(new WorkerScalingFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target), context.CancellationToken);
            return;
        }

        await context.Publish(new WorkersScaled(command.ClusterId, command.ResourceId, command.OperationId, command.WorkerCount), context.CancellationToken);
    }
}
